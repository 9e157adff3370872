import { specApiVersions } from './conformance';

/** Stops the run at once, in one line, when `AZURE_SPECS_DIR` points at a folder without the Azure API types. */
export default function globalSetup(): void {
  specApiVersions();
}
