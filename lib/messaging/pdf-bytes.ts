/**
 * The bytes behind a `blob:` URL this context created, as base64: Chrome's runtime messages and
 * `scripting.executeScript` arguments are JSON, so an ArrayBuffer would arrive as `{}`.
 */
export async function blobUrlToBase64(url: string): Promise<string> {
  const blob = await (await fetch(url)).blob();
  const dataUrl = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('could not read the PDF'));
    reader.readAsDataURL(blob);
  });
  return dataUrl.slice(dataUrl.indexOf(',') + 1);
}

/** The other way round, in the tab: base64 -> a PDF Blob ready for a multipart upload. */
export function base64ToPdfBlob(base64: string): Blob {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: 'application/pdf' });
}
