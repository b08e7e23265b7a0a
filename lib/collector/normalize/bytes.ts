/** Standard or URL-safe alphabet, padded or not (Node's decoder reads both). */
const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

function view(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function bytesToHex(bytes: Uint8Array): string {
  return view(bytes).toString("hex");
}

export function bytesToBase64(bytes: Uint8Array): string {
  return view(bytes).toString("base64");
}

/** The bytes of a base64 string in either alphabet, or null when it is not base64. */
export function decodeBase64(text: string): Buffer | null {
  return BASE64.test(text) ? Buffer.from(text, "base64") : null;
}
