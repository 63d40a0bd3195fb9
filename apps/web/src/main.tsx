/** Entry point of the Dorfplatz web client. */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.tsx'
import { initI18n } from './i18n/i18n.ts'
import './styles.css'

initI18n()

const root = document.getElementById('root')
if (!root) throw new Error('index.html lacks #root')

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
