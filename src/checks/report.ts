import { IConstruct } from 'constructs';
import { ConfigurationError } from './configuration-error';
import { problemsOf } from './validation';

// Short forms of the construct's problems (validation.ts), kept while call sites move over.

export function report(scope: IConstruct, code: string, detail: string): void {
  problemsOf(scope).report(code, detail);
}

export function check(scope: IConstruct, run: () => void): void {
  problemsOf(scope).attempt(run, undefined);
}

export function checkAtSynth(scope: IConstruct, run: () => ConfigurationError[]): void {
  problemsOf(scope).addRule(run);
}

export function attempt<T>(scope: IConstruct, run: () => T, fallback: T): T {
  return problemsOf(scope).attempt(run, fallback);
}
