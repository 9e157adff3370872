/**
 * cdktf 0.21's HCL renderer quotes every `depends_on` and `replace_triggered_by` entry. Terraform accepts a quoted
 * reference in `depends_on` with a deprecation warning but refuses one in `replace_triggered_by` ("Missing resource
 * reference"), and the library writes `replace_triggered_by` on every endpoint's traffic writer: so HCL output is
 * only valid once its address lists are written as references. Used by `scripts/format-hcl.mjs` (`npm run
 * synth:hcl`) and by the tests that validate HCL output.
 */
const ADDRESS = /^"((?:data\.|module\.)?[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+(?:\[[^\]]*\])?)"(,?)$/;

/** `text` (one `.tf` file) with the entries of its `depends_on` and `replace_triggered_by` lists unquoted. */
function unquoteAddressLists(text) {
  let inAddressList = false;
  return text
    .split('\n')
    .map((line) => {
      const trimmed = line.trim();
      if (/^(depends_on|replace_triggered_by)\s*=\s*\[$/.test(trimmed)) inAddressList = true;
      else if (inAddressList && trimmed.startsWith(']')) inAddressList = false;
      else if (inAddressList) {
        const match = ADDRESS.exec(trimmed);
        if (match) return line.replace(trimmed, `${match[1]}${match[2]}`);
      }
      return line;
    })
    .join('\n');
}

module.exports = { unquoteAddressLists };
