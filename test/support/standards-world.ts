import { ApiClient, Call } from '../../apps/cli/src/world';
import { Org, registerCountyOrg } from './fixtures';
import { SmallWorld, smallWorld } from './small-world';
import { TestApp, startTestApp } from './test-app';

/** A running app with the small world, the standards owner who publishes standards, and a regulator who reads every verdict. */
export interface StandardsWorld {
  app: TestApp;
  call: Call;
  w: SmallWorld;
  owner: Org;
  regulator: Org;
}

export async function startStandardsWorld(projector: 'inline' | 'worker'): Promise<StandardsWorld> {
  const app = await startTestApp({ projector });
  const call = new ApiClient(app.baseUrl).call;
  return {
    app,
    call,
    w: await smallWorld(call),
    owner: await registerCountyOrg(call, 'eCommerce'),
    regulator: await registerCountyOrg(call, 'regulator'),
  };
}
