/**
 * A short, soft two-note chime for the end of a timer, synthesised with WebAudio: no audio
 * file to ship or fetch. Quiet on purpose: a room full of laptops rings at once.
 */

/** The two notes (a falling major third, E5 to C5) and when each starts, in seconds. */
const NOTES = [
  { frequencyHz: 659.25, startS: 0 },
  { frequencyHz: 523.25, startS: 0.28 },
] as const
/** How long each note takes to fade out, in seconds. */
const NOTE_DECAY_S = 1.4
/** Peak loudness of one note, as a gain (1 is full scale). */
const NOTE_PEAK_GAIN = 0.12
/** A bell's faint overtone, relative to the note. */
const OVERTONE_RATIO = 2.76
const OVERTONE_GAIN = 0.25

type AudioContextConstructor = typeof AudioContext

function audioContextClass(): AudioContextConstructor | null {
  if (typeof window === 'undefined') return null
  const legacy = (window as unknown as { webkitAudioContext?: AudioContextConstructor }).webkitAudioContext
  return window.AudioContext ?? legacy ?? null
}

/**
 * Plays the chime once. Browsers allow sound only after the person has interacted with the
 * page; before that (or without WebAudio) this stays silent, and the visual signal remains.
 */
export function playChime(): void {
  const Context = audioContextClass()
  if (!Context) return
  // Without an interaction the browser would refuse to play, and say so in the console.
  if (navigator.userActivation && !navigator.userActivation.hasBeenActive) return
  let context: AudioContext
  try {
    context = new Context()
  } catch {
    return
  }
  const start = context.currentTime + 0.02
  for (const note of NOTES) {
    playNote(context, note.frequencyHz, start + note.startS, NOTE_PEAK_GAIN)
    playNote(context, note.frequencyHz * OVERTONE_RATIO, start + note.startS, NOTE_PEAK_GAIN * OVERTONE_GAIN)
  }
  const lastEndS = Math.max(...NOTES.map((note) => note.startS)) + NOTE_DECAY_S
  window.setTimeout(() => void context.close().catch(() => undefined), (lastEndS + 0.5) * 1000)
  if (context.state === 'suspended') void context.resume().catch(() => undefined)
}

function playNote(context: AudioContext, frequencyHz: number, at: number, peakGain: number): void {
  const oscillator = context.createOscillator()
  oscillator.type = 'sine'
  oscillator.frequency.value = frequencyHz
  const gain = context.createGain()
  // A soft attack and an exponential fade: a bell, not a beep.
  gain.gain.setValueAtTime(0.0001, at)
  gain.gain.exponentialRampToValueAtTime(peakGain, at + 0.015)
  gain.gain.exponentialRampToValueAtTime(0.0001, at + NOTE_DECAY_S)
  oscillator.connect(gain).connect(context.destination)
  oscillator.start(at)
  oscillator.stop(at + NOTE_DECAY_S + 0.05)
}
