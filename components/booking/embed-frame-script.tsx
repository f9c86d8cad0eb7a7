/**
 * Inside the booking widget (a frame on the business's own site, see app/embed.js): tells the
 * page around it how tall the content is, whenever that changes, so the frame fits it without a
 * scrollbar. Serialised into an inline <script>: self-contained, no imports.
 */
export function sizeEmbeddedFrame() {
  if (window.parent === window) return;
  document.documentElement.dataset.embedded = "";
  const tell = () =>
    window.parent.postMessage(
      {
        type: "rendezvous:height",
        height: Math.ceil(document.body.getBoundingClientRect().height),
      },
      // Only a height: nothing the page around it may not know.
      "*",
    );
  new ResizeObserver(tell).observe(document.body);
  tell();
}

export function EmbedFrameScript({ nonce }: { nonce: string | undefined }) {
  return (
    <script
      // The page's Content-Security-Policy runs inline scripts only with its nonce.
      nonce={nonce}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: our own function's source, no input
      dangerouslySetInnerHTML={{ __html: `(${sizeEmbeddedFrame.toString()})()` }}
    />
  );
}
