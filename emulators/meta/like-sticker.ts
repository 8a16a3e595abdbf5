// Messenger's like sticker, served by the emulator since there is no CDN offline.

/** Messenger's big blue thumb, sticker id 369239263222822. */
export const LIKE_STICKER_ID = 369239263222822;

export function likeStickerSvg(): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120" viewBox="0 0 24 24">
<path fill="#1877f2" d="M2 21h4V9H2v12zm20-11a2 2 0 0 0-2-2h-6.3l1-4.6v-.3c0-.4-.2-.8-.4-1.1L13.2 1 6.6 7.6C6.2 8 6 8.5 6 9v10a2 2 0 0 0 2 2h9c.8 0 1.5-.5 1.8-1.2l3-7.1c.1-.2.2-.5.2-.7v-2z"/>
</svg>`;
}
