/** Facts an extractor can contribute about an error. */
export type HintField =
  | 'code'
  | 'operation'
  | 'service'
  // a service the text's words point to, used only to choose among the services that have an operation of the name the
  // client wrote (never the answering service by itself)
  | 'serviceOfOperation'
  | 'httpStatus'
  | 'requestId'
  | 'region'
  | 'message'
  | 'action'
  | 'principal'
  | 'resource';

/** One candidate value for a field, from one surface, with how much to trust it (higher wins). */
export interface Hint {
  readonly field: HintField;
  readonly value: string;
  readonly priority: number;
  readonly surface: string;
}

/** Priorities shared by the extractors, highest first. */
export const PRIORITY = {
  /** CloudTrail's structured fields. */
  structuredRecord: 97,
  /** A client's own rendering of code and operation (`An error occurred (X) when calling the Y operation`). */
  clientEnvelope: 95,
  /** A wrapper that names service and operation together (`Error calling API cloudformation:CreateChangeSet`). */
  namedCall: 90,
  /** Java SDK v1's `Error Code:` suffix. */
  sdkSuffixCode: 90,
  /** Fields of a raw XML or JSON error body. */
  body: 88,
  /** A fixed sentence that only one service writes, for the operation it names. */
  signatureCall: 85,
  /** An exception class named after the code (`Aws::EC2::Errors::UnauthorizedOperation`). */
  sdkClass: 80,
  /** A `Code: message` token whose code is a known access or look-alike code. */
  knownCodeToken: 76,
  /** Any `Code: message` token shaped like an AWS error code. */
  codeToken: 70,
  /**
   * Any other PascalCase `Code: message` token where Terraform and the Go SDKs print one: before a Go
   * SDK v1 `status code: N, request id:` line, or after a tool's `error ...:` wrapper.
   */
  unknownCodeToken: 68,
  /** The service named by an SDK's message suffix (`Service: AmazonEC2`). */
  sdkSuffixService: 60,
  /** A tool's step description (`creating EC2 Instance`). */
  phrase: 60,
  /** CloudFormation's `HandlerErrorCode`, which names the code where the handler's message does not. */
  handlerCode: 74,
  /** The shape of a body (`<Response><Errors>` is EC2's). */
  bodyShape: 50,
  /** Facts implied by a fixed sentence or a code (`UnauthorizedOperation` is EC2's). */
  implied: 30,
} as const;

/** Collects hints; `best` returns the highest-priority value (the earliest among equals). */
export class HintSet {
  private readonly hints: Hint[] = [];
  private readonly surfaceNames = new Set<string>();
  private refused = false;
  private relay = false;

  add(field: HintField, value: string | null | undefined, priority: number, surface: string): void {
    if (value === null || value === undefined) {
      return;
    }
    const trimmed = value.trim();
    if (trimmed === '') {
      return;
    }
    this.hints.push({ field, value: trimmed, priority, surface });
    this.surfaceNames.add(surface);
  }

  /** Marks a surface as recognised without contributing a fact. */
  surface(name: string): void {
    this.surfaceNames.add(name);
  }

  /**
   * Marks that a service's own sentence of refusal was found (EMR's `Failed to authorize instance profile`, the ECS
   * agent's `Unauthorized to perform ecs:Poll`): the error is an access failure whatever its code.
   */
  refusal(surface: string): void {
    this.refused = true;
    this.surfaceNames.add(surface);
  }

  /**
   * Marks that the text relays a failed answer of a service without an error code (a CloudFormation or Cloud Control
   * resource handler's message): an AWS error, of kind `other` unless something else tells.
   */
  relayed(surface: string): void {
    this.relay = true;
    this.surfaceNames.add(surface);
  }

  /** Whether an extractor found a relayed answer without a code. */
  get relayFound(): boolean {
    return this.relay;
  }

  /** Whether an extractor found a service's own sentence of refusal. */
  get refusalFound(): boolean {
    return this.refused;
  }

  best(field: HintField): Hint | null {
    let best: Hint | null = null;
    for (const hint of this.hints) {
      if (hint.field === field && (best === null || hint.priority > best.priority)) {
        best = hint;
      }
    }
    return best;
  }

  all(field: HintField): Hint[] {
    return this.hints.filter((h) => h.field === field).sort((a, b) => b.priority - a.priority);
  }

  surfaces(): string[] {
    return [...this.surfaceNames];
  }
}
