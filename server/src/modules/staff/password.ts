import { hash, verify } from "@node-rs/argon2";

// OWASP's first recommendation for Argon2id: 19 MiB of memory, 2 passes, 1 lane (~50 ms here).
const ARGON2ID = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this when the login is unknown makes both answers take the same time, so the
// timing does not tell an attacker which logins exist.
let decoy: Promise<string> | undefined;
export async function verifyDecoy(password: string): Promise<false> {
  decoy ??= hashPassword("decoy-password-for-unknown-logins");
  await verifyPassword(await decoy, password);
  return false;
}
