/**
 * The body as a whole cannot be read as the format it claims to be (malformed JSON or
 * protobuf, or a document whose envelope has the wrong shape). Routes answer 400 with the
 * message; problems inside one span never raise it, they only reject that span.
 */
export class IngestFormatError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "IngestFormatError";
  }
}
