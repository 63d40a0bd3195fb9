/**
 * What the start page shows after a board was created: one link per role with
 * what it is for and a copy button, and a prominent way into the board.
 */
import { ROLES, type CreatedBoard, type Role } from '@dorfplatz/protocol'
import { useEffect, useId, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { CopyButton } from '../components/CopyButton.tsx'

const LINK_TEST_IDS: Record<Role, string> = {
  facilitator: 'link-facilitator',
  participant: 'link-participant',
  viewer: 'link-viewer',
}

export function CreatedBoardLinks({ board, onCreateAnother }: { board: CreatedBoard; onCreateAnother: () => void }) {
  const { t } = useTranslation()
  const id = useId()
  const headingRef = useRef<HTMLHeadingElement>(null)

  // The form the user just submitted is gone; move focus to what replaced it.
  useEffect(() => headingRef.current?.focus(), [])

  return (
    <section className="card created" aria-labelledby={`${id}-heading`} data-testid="created-board">
      <h2 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
        {t('created.heading', { title: board.title })}
      </h2>
      <p className="muted">{t('created.intro')}</p>

      <ul className="role-links">
        {ROLES.map((role) => {
          const link = board.links[role]
          const roleName = t(`roles.${role}`)
          return (
            <li key={role} className="role-link" data-role={role}>
              <h3 className="role-link__name" id={`${id}-${role}`}>
                {roleName}
              </h3>
              <p className="role-link__explain">{t(`created.explain.${role}`)}</p>
              <div className="role-link__row">
                <a
                  className="role-link__url"
                  href={link}
                  data-testid={LINK_TEST_IDS[role]}
                  aria-describedby={`${id}-${role}`}
                >
                  {link}
                </a>
                <CopyButton text={link} context={roleName} testId={`copy-${LINK_TEST_IDS[role]}`} />
              </div>
            </li>
          )
        })}
      </ul>

      <div className="created__actions">
        <a className="button button--primary button--large" href={board.links.facilitator} data-testid="open-board">
          {t('created.open')}
        </a>
        <button type="button" className="button button--quiet" onClick={onCreateAnother}>
          {t('created.another')}
        </button>
      </div>
    </section>
  )
}
