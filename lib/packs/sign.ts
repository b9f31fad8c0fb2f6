// Signing and verifying rule packs (issue 4). The same code runs in Node (the publisher's CLI)
// and in the extension's background: WebCrypto ECDSA P-256 with SHA-256 (ES256), which both
// Node 20 and every Chromium we support implement. No Node API here.
import { z } from 'zod';

/** The envelope a publisher hands out and the options page imports. */
export const SIGNED_FORMAT = 'fashen-signed-pack/1';
/** The public half of a publisher key, as written by `pack keygen` and listed in managed storage. */
export const PUBLIC_KEY_FORMAT = 'fashen-publisher-key/1';
/** The private half; stays with the publisher. */
export const PRIVATE_KEY_FORMAT = 'fashen-publisher-private-key/1';

const b64url = z.string().regex(/^[A-Za-z0-9_-]+$/);

/** An EC P-256 public key in JWK form (only the members that define the key). */
export const PublicJwkSchema = z.strictObject({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: b64url.length(43),
  y: b64url.length(43),
});
export type PublicJwk = z.infer<typeof PublicJwkSchema>;

/** A trusted publisher key: its id (RFC 7638 thumbprint), a display name, the JWK. */
export const PublicKeySchema = z.strictObject({
  format: z.literal(PUBLIC_KEY_FORMAT),
  keyId: b64url.length(43),
  name: z.string().trim().min(1).max(200),
  alg: z.literal('ES256'),
  jwk: PublicJwkSchema,
});
export type PublicKey = z.infer<typeof PublicKeySchema>;

export const PrivateKeySchema = z.strictObject({
  format: z.literal(PRIVATE_KEY_FORMAT),
  keyId: b64url.length(43),
  name: z.string().trim().min(1).max(200),
  alg: z.literal('ES256'),
  jwk: z.object({ kty: z.literal('EC'), crv: z.literal('P-256'), x: b64url, y: b64url, d: b64url }),
});
export type PrivateKey = z.infer<typeof PrivateKeySchema>;

/** The signature block of a signed pack. */
export const SignatureSchema = z.strictObject({
  alg: z.literal('ES256'),
  keyId: b64url.length(43),
  /** IEEE P1363 r‖s (64 bytes), standard base64 */
  value: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'ES256 signature: 64 bytes in base64 / 签名须为 base64 编码的 64 字节'),
});
export type Signature = z.infer<typeof SignatureSchema>;

const ALG = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN_ALG = { name: 'ECDSA', hash: 'SHA-256' } as const;

/**
 * Deterministic JSON: object keys sorted by UTF-16 code units, no whitespace, strings and numbers
 * as JSON.stringify writes them. Signatures and hashes are over the UTF-8 bytes of this text, so a
 * pack re-serialized with other spacing or key order still verifies, and any change of a value
 * does not.
 */
export function canonicalJson(value: unknown): string {
  // JSON.stringify does the escaping and the walking (fast on megabyte packs); the replacer hands
  // it each object re-built with sorted keys. Null-prototype copies keep a "__proto__" key an own
  // key, as JSON.parse made it.
  return JSON.stringify(value, function (_key, v: unknown) {
    if (typeof v === 'number' && !Number.isFinite(v)) throw new TypeError('canonicalJson: non-finite number');
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const out = Object.create(null) as Record<string, unknown>;
    for (const k of Object.keys(v).sort()) out[k] = (v as Record<string, unknown>)[k];
    return out;
  });
}

/** UTF-8 bytes of the canonical form. */
export function canonicalBytes(value: unknown): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(canonicalJson(value)) as Uint8Array<ArrayBuffer>;
}

export function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function hex(bytes: ArrayBuffer): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', bytes));
}

/** RFC 7638 JWK thumbprint (SHA-256, base64url): the key id. */
export async function keyIdOf(jwk: { crv: string; kty: string; x: string; y: string }): Promise<string> {
  const bytes = canonicalBytes({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y });
  return toBase64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
}

/** A fresh publisher key pair. */
export async function generateKeyPair(name: string): Promise<{ publicKey: PublicKey; privateKey: PrivateKey }> {
  const pair = (await crypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
  const priv = await crypto.subtle.exportKey('jwk', pair.privateKey);
  const pub = await crypto.subtle.exportKey('jwk', pair.publicKey);
  const jwk = PublicJwkSchema.parse({ kty: pub.kty, crv: pub.crv, x: pub.x, y: pub.y });
  const keyId = await keyIdOf(jwk);
  return {
    publicKey: { format: PUBLIC_KEY_FORMAT, keyId, name, alg: 'ES256', jwk },
    privateKey: PrivateKeySchema.parse({ format: PRIVATE_KEY_FORMAT, keyId, name, alg: 'ES256', jwk: { kty: 'EC', crv: 'P-256', x: priv.x, y: priv.y, d: priv.d } }),
  };
}

/** A signed envelope, as written by `pack sign`. */
export interface SignedPack {
  format: typeof SIGNED_FORMAT;
  pack: unknown;
  sha256: string;
  signature: Signature;
}

/** Sign a built pack (any JSON value; the CLI validates it first) with a private key. */
export async function signPack(pack: unknown, key: PrivateKey): Promise<SignedPack> {
  const bytes = canonicalBytes(pack);
  const cryptoKey = await crypto.subtle.importKey('jwk', { ...key.jwk, ext: true }, ALG, false, ['sign']);
  const sig = new Uint8Array(await crypto.subtle.sign(SIGN_ALG, cryptoKey, bytes));
  return { format: SIGNED_FORMAT, pack, sha256: await sha256Hex(bytes), signature: { alg: 'ES256', keyId: key.keyId, value: toBase64(sig) } };
}

/** Why a signature does not hold; bilingual. */
export type SignatureProblem = { code: 'sha256-mismatch' | 'untrusted-key' | 'bad-signature' | 'key-id-mismatch'; zh: string; en: string };

/**
 * Check a signed envelope against trusted public keys: the sha256 field must equal the hash of the
 * canonical pack bytes, the key id must name a trusted key, and the signature must verify over the
 * same bytes. Returns the key that signed it, or the problem.
 */
export async function verifyPack(
  pack: unknown,
  sha256: string,
  signature: Signature,
  trusted: readonly PublicKey[],
  /** the canonical bytes of `pack`, when the caller already has them */
  bytes: Uint8Array<ArrayBuffer> = canonicalBytes(pack),
): Promise<{ ok: true; key: PublicKey } | { ok: false; problem: SignatureProblem }> {
  const actual = await sha256Hex(bytes);
  if (actual !== sha256) {
    return { ok: false, problem: { code: 'sha256-mismatch', zh: `规则包内容与其 sha256 不符（文件已被改动）：应为 ${sha256}，实为 ${actual}`, en: `pack content does not match its sha256 (the file was altered): expected ${sha256}, got ${actual}` } };
  }
  const key = trusted.find((k) => k.keyId === signature.keyId);
  if (!key) {
    return { ok: false, problem: { code: 'untrusted-key', zh: `签名密钥 ${signature.keyId} 不在受信任的发布者密钥中`, en: `signing key ${signature.keyId} is not a trusted publisher key` } };
  }
  // a key record whose id is not its own thumbprint could make one key pose as another
  if ((await keyIdOf(key.jwk)) !== key.keyId) {
    return { ok: false, problem: { code: 'key-id-mismatch', zh: `受信任密钥 ${key.keyId} 的编号与其公钥不符`, en: `trusted key ${key.keyId} does not match its own thumbprint` } };
  }
  let valid = false;
  try {
    const cryptoKey = await crypto.subtle.importKey('jwk', { ...key.jwk, ext: true }, ALG, false, ['verify']);
    valid = await crypto.subtle.verify(SIGN_ALG, cryptoKey, fromBase64(signature.value), bytes);
  } catch {
    valid = false;
  }
  if (!valid) {
    return { ok: false, problem: { code: 'bad-signature', zh: `签名无效：内容不是由密钥 ${key.name}（${key.keyId}）签署的`, en: `invalid signature: the content was not signed by key ${key.name} (${key.keyId})` } };
  }
  return { ok: true, key };
}
