/**
 * A QR code of a link, drawn as SVG in the browser, so phones in the room can
 * open it by scanning the projected screen. Nothing leaves the page to draw it.
 */
import { useEffect, useState } from 'react'
import './QrCode.css'

interface QrCodeProps {
  text: string
  /** What the code opens, for screen readers. */
  label: string
  testId?: string
}

export function QrCode({ text, label, testId }: QrCodeProps) {
  const [drawn, setDrawn] = useState<{ text: string; svg: string } | null>(null)

  useEffect(() => {
    let cancelled = false
    // The encoder loads with the first code shown, not with the board.
    import('qrcode')
      .then(({ default: QRCode }) => QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }))
      .then(
      (svg) => {
        if (!cancelled) setDrawn({ text, svg })
      },
      () => {
        // A link is far below a QR code's capacity; without a code the link and copy button still work.
        if (!cancelled) setDrawn(null)
      },
    )
    return () => {
      cancelled = true
    }
  }, [text])

  // The markup comes from the qrcode library and holds nothing but the code's paths.
  const svg = drawn?.text === text ? drawn.svg : ''
  return <div className="qr-code" role="img" aria-label={label} data-testid={testId} dangerouslySetInnerHTML={{ __html: svg }} />
}
