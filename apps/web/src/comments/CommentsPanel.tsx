/**
 * "Kommentare": a button in the top bar that opens a panel with the board's comments.
 *
 * - With one note selected, the panel shows that note's threads first: every comment with its
 *   author and time, a reply field and "Erledigt" (or "Wieder öffnen") per thread, and a field
 *   for a new thread. Viewers read the comments and get no fields.
 * - Below, every open thread of the board; choosing one moves the view to its note and selects it.
 *
 * Like the participants panel, it does not trap focus: Escape or the close button close it.
 */
import { MAX_COMMENT_LENGTH, richTextToPlain, type CommentThread } from '@dorfplatz/board'
import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useEditor, useValue, type TLShapeId } from 'tldraw'
import { useBoardContext } from '../kernel/BoardContext.ts'
import { showNote } from '../kernel/showNote.ts'
import { useLanguage } from '../i18n/i18n.ts'
import {
  commentsPanelOpen,
  replyToThread,
  setThreadResolved,
  startThread,
  useCommentThreads,
  type ThreadEntry,
} from './commentsStore.ts'
import './comments.css'

export function CommentsButton() {
  const { t } = useTranslation()
  const id = useId()
  const { session } = useBoardContext()
  const threads = useCommentThreads(session.doc)
  const open = useValue('comments panel open', () => commentsPanelOpen.get(), [])
  const openThreads = threads.filter(([, thread]) => !thread.resolved).length
  return (
    <div className="comments-menu">
      <button
        type="button"
        className="top-pill comments__button"
        data-testid="comments-button"
        aria-expanded={open}
        aria-controls={open ? `${id}-panel` : undefined}
        title={t('comments.buttonHint')}
        onClick={() => commentsPanelOpen.set(!open)}
      >
        <svg className="top-pill__icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M2 3h12v8H6l-3 3v-3H2z" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
        </svg>
        {/* The visible text is the button's name (narrow screens hide the word, not from screen readers). */}
        <span className="top-pill__text">{t('comments.buttonText')} </span>
        <span className="comments__count">({openThreads})</span>
      </button>
      {open && <CommentsPanel id={`${id}-panel`} threads={threads} />}
    </div>
  )
}

function noteText(editor: ReturnType<typeof useEditor>, noteId: string): string {
  const shape = editor.getShape(noteId as TLShapeId)
  return shape ? richTextToPlain((shape.props as { richText?: unknown }).richText).trim() : ''
}

function CommentsPanel({ id, threads }: { id: string; threads: ThreadEntry[] }) {
  const { t } = useTranslation()
  const editor = useEditor()
  const { info, session } = useBoardContext()
  const canWrite = info.role !== 'viewer'
  const selectedNote = useValue(
    'comments: selected note',
    () => {
      const shape = editor.getOnlySelectedShape()
      return shape?.type === 'note' ? shape.id : null
    },
    [editor],
  )
  const noteThreads = selectedNote ? threads.filter(([, thread]) => thread.noteId === selectedNote) : []
  const openThreads = threads.filter(([, thread]) => !thread.resolved)
  const close = () => commentsPanelOpen.set(false)

  return (
    <section
      id={id}
      className="top-panel comments-panel"
      data-testid="comments-panel"
      aria-labelledby={`${id}-title`}
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key === 'Escape') close()
        // Typing in the panel is not a tldraw shortcut.
        event.stopPropagation()
      }}
    >
      <div className="top-panel__header">
        <h2 id={`${id}-title`} className="top-panel__title">
          {t('comments.title')}
        </h2>
        <button type="button" className="top-panel__close" aria-label={t('comments.close')} title={t('comments.close')} onClick={close}>
          <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
          </svg>
        </button>
      </div>

      {selectedNote ? (
        <div className="comments-panel__note" data-testid="comments-note">
          <h3 className="comments-panel__subtitle">{t('comments.onNote', { note: noteText(editor, selectedNote) || '–' })}</h3>
          {noteThreads.length === 0 && <p className="comments-panel__empty">{t('comments.noneOnNote')}</p>}
          {noteThreads.map(([threadId, thread]) => (
            <Thread key={threadId} threadId={threadId} thread={thread} canWrite={canWrite} />
          ))}
          {canWrite && (
            <CommentForm
              label={t('comments.newLabel')}
              submit={t('comments.newSubmit')}
              testId="comment-new"
              onSubmit={(text) => startThread(session.doc, selectedNote, text)}
            />
          )}
        </div>
      ) : (
        <p className="comments-panel__hint">{canWrite ? t('comments.selectHint') : t('comments.selectHintViewer')}</p>
      )}

      <h3 className="comments-panel__subtitle">{t('comments.openTitle', { number: openThreads.length })}</h3>
      {openThreads.length === 0 ? (
        <p className="comments-panel__empty">{t('comments.noneOpen')}</p>
      ) : (
        <ul className="comments-panel__list" data-testid="comments-open-list">
          {openThreads.map(([threadId, thread]) => (
            <li key={threadId}>
              <button
                type="button"
                className="comments-panel__jump"
                data-testid="comments-jump"
                onClick={() => {
                  showNote(editor, thread.noteId)
                  if (editor.getShape(thread.noteId as TLShapeId)) editor.select(thread.noteId as TLShapeId)
                }}
              >
                <span className="comments-panel__jump-note">{noteText(editor, thread.noteId) || t('comments.deletedNote')}</span>
                <span className="comments-panel__jump-text">
                  {authorName(thread.messages[0]!.author, { pending: t('comments.pending'), anonymous: t('comments.anonymous') })}: {thread.messages[0]!.text}
                </span>
                <span className="comments-panel__jump-count">{t('comments.count', { count: thread.messages.length })}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

function Thread({ threadId, thread, canWrite }: { threadId: string; thread: CommentThread; canWrite: boolean }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const { session } = useBoardContext()
  const time = new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' })
  return (
    <article className={`comment-thread${thread.resolved ? ' comment-thread--resolved' : ''}`} data-testid="comment-thread" data-resolved={thread.resolved}>
      {thread.resolved && <p className="comment-thread__status">{t('comments.resolved')}</p>}
      <ol className="comment-thread__messages">
        {thread.messages.map((message) => (
          <li key={message.id} className="comment" data-testid="comment">
            <span className="comment__author">
              <span className="comment__dot" style={{ background: message.author?.color || undefined }} aria-hidden="true" />
              {authorName(message.author, { pending: t('comments.pending'), anonymous: t('comments.anonymous') })}
            </span>{' '}
            <time className="comment__time" dateTime={new Date(message.at).toISOString()}>
              {time.format(message.at)}
            </time>
            <p className="comment__text">{message.text}</p>
          </li>
        ))}
      </ol>
      {canWrite && (
        <>
          {!thread.resolved && (
            <CommentForm
              label={t('comments.replyLabel')}
              submit={t('comments.replySubmit')}
              testId="comment-reply"
              onSubmit={(text) => replyToThread(session.doc, threadId, text)}
            />
          )}
          <button
            type="button"
            className="comment-thread__resolve"
            data-testid="comment-resolve"
            onClick={() => setThreadResolved(session.doc, threadId, thread.noteId, !thread.resolved)}
          >
            {thread.resolved ? t('comments.reopen') : t('comments.resolve')}
          </button>
        </>
      )}
    </article>
  )
}

/** Who wrote a comment; until the server has stamped it (written offline), that it is still to be sent. */
function authorName(author: CommentThread['messages'][number]['author'], words: { pending: string; anonymous: string }): string {
  if (author === null) return words.pending
  return author.name || words.anonymous
}

function CommentForm({ label, submit, testId, onSubmit }: { label: string; submit: string; testId: string; onSubmit: (text: string) => void }) {
  const id = useId()
  const [text, setText] = useState('')
  const send = (event: FormEvent) => {
    event.preventDefault()
    if (text.trim() === '') return
    onSubmit(text)
    setText('')
  }
  return (
    <form className="comment-form" onSubmit={send} data-testid={testId}>
      <label className="comment-form__label" htmlFor={id}>
        {label}
      </label>
      <textarea
        id={id}
        className="comment-form__text"
        rows={2}
        maxLength={MAX_COMMENT_LENGTH}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) send(event)
        }}
      />
      <button type="submit" className="comment-form__submit" disabled={text.trim() === ''}>
        {submit}
      </button>
    </form>
  )
}
