/** The CLI's exit codes, the same on every command (design.md): 0 conforms, 1 violations found, 2 could not run. */
export const EXIT = { ok: 0, failed: 1, unusable: 2 } as const;
