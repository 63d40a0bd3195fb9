/**
 * "Erklärung zur Barrierefreiheit": the accessibility statement every public body must publish
 * (BITV 2.0), after the model of the federal monitoring body: how far Dorfplatz meets the
 * requirements, what is not accessible and what takes its place, how the statement was made,
 * and where to report barriers (the contact the operator sets, DORFPLATZ_ACCESSIBILITY_CONTACT).
 * Linked from the start page's footer and the board's main menu.
 */
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { fetchClientConfig } from '../api/apiClient.ts'
import { PageHeader } from '../components/PageHeader.tsx'
import { STATEMENT_CRITERIA } from './statementCriteria.ts'

/** The contact as a link where it is an e-mail or web address, as text otherwise (a phone number, a postal address). */
function Contact({ contact }: { contact: string }) {
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contact)) return <a href={`mailto:${contact}`}>{contact}</a>
  if (/^https?:\/\/\S+$/i.test(contact)) return <a href={contact}>{contact}</a>
  return <span>{contact}</span>
}

export function AccessibilityStatementPage() {
  const { t } = useTranslation()
  const [contact, setContact] = useState<string | null>(null)
  useEffect(() => {
    let cancelled = false
    fetchClientConfig().then(
      (config) => {
        if (!cancelled) setContact(config.accessibilityContact ?? '')
      },
      () => {
        if (!cancelled) setContact('')
      },
    )
    return () => {
      cancelled = true
    }
  }, [])
  useEffect(() => {
    document.title = `${t('statement.title')} – Dorfplatz`
  }, [t])

  return (
    <div className="page">
      <PageHeader />
      <main id="main" className="page__main statement" tabIndex={-1} data-testid="accessibility-statement">
        <h1>{t('statement.title')}</h1>
        <p>{t('statement.scope')}</p>

        <h2>{t('statement.statusTitle')}</h2>
        <p data-testid="statement-status">{t('statement.status')}</p>

        <h2>{t('statement.barriersTitle')}</h2>
        <ul>
          <li>{t('statement.barrierCanvas')}</li>
          <li>{t('statement.barrierScreenReader')}</li>
        </ul>
        <p>{t('statement.alternatives')}</p>

        <h2>{t('statement.criteriaTitle')}</h2>
        <table className="statement__criteria" data-testid="statement-criteria">
          <caption>{t('statement.criteriaCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('statement.criterion')}</th>
              <th scope="col">{t('statement.criterionStatus')}</th>
              <th scope="col">{t('statement.criterionCheck')}</th>
            </tr>
          </thead>
          <tbody>
            {STATEMENT_CRITERIA.map((criterion) => (
              <tr key={criterion.key}>
                <th scope="row">
                  {criterion.key.replaceAll('_', '.')} {t(`statement.criteria.${criterion.key}`)}
                </th>
                <td>{t(`statement.criterionStatuses.${criterion.status}`)}</td>
                <td>{t(`statement.checks.${criterion.checkedBy}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>

        <h2>{t('statement.madeTitle')}</h2>
        <p>{t('statement.made')}</p>

        <h2>{t('statement.feedbackTitle')}</h2>
        <p>{t('statement.feedback')}</p>
        <p data-testid="statement-contact">
          {contact === null ? t('statement.contactLoading') : contact === '' ? t('statement.noContact') : <Contact contact={contact} />}
        </p>

        <h2>{t('statement.enforcementTitle')}</h2>
        <p>{t('statement.enforcement')}</p>

        <p>
          <a href="/">{t('app.backToStart')}</a>
        </p>
      </main>
    </div>
  )
}
