/**
 * "Seit dem letzten Workshop fällig": the next steps of the series' earlier boards whose date has
 * come, open and done, folded under the top bar; shown only when there are any. Read once when
 * the board opens (they change between workshops, not during one).
 */
import { formatDueDate } from '@dorfplatz/board'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { fetchDueSteps, type DueStep } from '../api/strategyApi.ts'
import { useLanguage } from '../i18n/i18n.ts'
import './strategy.css'

export function DueSteps({ boardId, token }: { boardId: string; token: string }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const [steps, setSteps] = useState<DueStep[]>([])
  useEffect(() => {
    let current = true
    fetchDueSteps(boardId, token).then(
      (found) => current && setSteps(found),
      // Without them the board works as ever; the list is a reminder, not part of the board.
      () => undefined,
    )
    return () => {
      current = false
    }
  }, [boardId, token])
  if (steps.length === 0) return null
  const open = steps.filter((step) => !step.done).length
  return (
    <details className="due-steps" data-testid="due-steps">
      <summary data-testid="due-steps-summary">{t('dueSteps.summary', { count: steps.length, open })}</summary>
      <ul>
        {steps.map((step, index) => (
          <li key={index} data-testid="due-step" data-done={step.done}>
            <span className={step.done ? 'due-steps__status due-steps__status--done' : 'due-steps__status'}>
              {step.done ? t('dueSteps.done') : t('dueSteps.open')}
            </span>{' '}
            <strong>{step.text}</strong> – {t('dueSteps.details', { date: formatDueDate(step.due, language), owner: step.owner || t('dueSteps.nobody'), board: step.board })}
            {step.municipality ? ` (${step.municipality})` : ''}
          </li>
        ))}
      </ul>
    </details>
  )
}
