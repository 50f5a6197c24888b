/** Base of every error Fineprint raises on purpose: its message is meant for the person running the command. */
export class FineprintError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A page could not be fetched; `category` is the machine-readable reason used in run reports. */
export class FetchError extends FineprintError {
  constructor(
    message: string,
    readonly category: string,
    readonly url: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** A fetched page did not yield usable policy text. */
export class ExtractError extends FineprintError {
  constructor(
    message: string,
    readonly category: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The archive's git history cannot be read as an archive. */
export class HistoryError extends FineprintError {}

/** A declaration, front matter or other hand-written input is invalid. */
export class DeclarationError extends FineprintError {}
