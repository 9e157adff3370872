/** A class, also one with a private constructor (enum-like classes): its prototype and name. */
export interface ClassOf {
  readonly prototype: object;
  readonly name: string;
}
