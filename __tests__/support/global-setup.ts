import { AZURE_SPECS_DIR, azureSpecsAvailable } from './conformance';

/** Says once per test run, in one line, when the conformance checks are skipped and why. */
export default function globalSetup(): void {
  if (!azureSpecsAvailable()) {
    process.stdout.write(
      `\n[conformance] ${AZURE_SPECS_DIR} is absent (set AZURE_SPECS_DIR to point at the Azure specs): ` +
        `azapi body conformance checks are skipped; every other test runs.\n`,
    );
  }
}
