/** Why a pack operation was refused: a stable code, the words in zh-CN and en, the field path. */
export class PackError extends Error {
  constructor(
    readonly code: string,
    readonly zh: string,
    readonly en: string,
    /** dotted path of the offending field in the file (pack.rules.3.severity), when there is one */
    readonly path?: string,
    /** further problems of the same kind (more zod issues, more failing examples) */
    readonly details: string[] = [],
  ) {
    super(`${path ? `${path}: ` : ''}${zh} / ${en}`);
    this.name = 'PackError';
  }

  /** The plain form that crosses the message boundary. */
  toJSON(): { code: string; zh: string; en: string; path?: string; details: string[] } {
    return { code: this.code, zh: this.zh, en: this.en, ...(this.path !== undefined ? { path: this.path } : {}), details: this.details };
  }
}
