/** AML_STATE_* and AML_LAYOUT: where each stack keeps its state, and which stacks the app has. */
import { Testing } from 'cdktf';
import { readHowToConfig, readLayout, SecureEndpointHowToStack } from '../../main';
import { readRemoteStateSettings } from '../../app/state';

const STATE = {
  AML_STATE_RESOURCE_GROUP: 'rg-tfstate',
  AML_STATE_STORAGE_ACCOUNT: 'sttfstate001',
  AML_STATE_CONTAINER: 'tfstate',
};

describe('remote state settings', () => {
  test('none set: local state', () => {
    expect(readRemoteStateSettings({})).toBeUndefined();
    expect(readRemoteStateSettings({ AML_STATE_CONTAINER: ' ' })).toBeUndefined();
  });

  test('all set: an azurerm backend with Entra ID auth, no key, one state key per stack', () => {
    const app = Testing.app({ stackTraces: false, stubVersion: true });
    const stack = new SecureEndpointHowToStack(
      app,
      'secure-endpoint',
      readHowToConfig(app, {}),
      readRemoteStateSettings({ ...STATE, AML_STATE_KEY: 'teams/ml/' }),
    );
    const json = JSON.parse(Testing.synth(stack)) as { terraform: { backend: Record<string, unknown> } };
    expect(json.terraform.backend).toEqual({
      azurerm: {
        resource_group_name: 'rg-tfstate',
        storage_account_name: 'sttfstate001',
        container_name: 'tfstate',
        key: 'teams/ml/secure-endpoint.tfstate',
        use_azuread_auth: true,
      },
    });
  });

  test('only some set: a clear error naming the missing ones', () => {
    expect(() => readRemoteStateSettings({ AML_STATE_RESOURCE_GROUP: 'rg-tfstate' })).toThrow(
      'remote state is half configured: AML_STATE_STORAGE_ACCOUNT, AML_STATE_CONTAINER not set',
    );
    expect(() => readRemoteStateSettings({ AML_STATE_KEY: 'x' })).toThrow(/half configured/);
  });
});

describe('AML_LAYOUT', () => {
  test('single by default; split, module and hardened on request, any case', () => {
    expect(readLayout({})).toBe('single');
    expect(readLayout({ AML_LAYOUT: 'Split' })).toBe('split');
    expect(readLayout({ AML_LAYOUT: ' module ' })).toBe('module');
    expect(readLayout({ AML_LAYOUT: 'HARDENED' })).toBe('hardened');
  });

  test('anything else is refused with the choices', () => {
    expect(() => readLayout({ AML_LAYOUT: 'three' })).toThrow(
      "AML_LAYOUT is 'three': choose single, split, module, hardened or unset it for the default 'single'",
    );
  });
});
