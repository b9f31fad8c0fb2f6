import { buildTestExtension } from './harness';

// One FASHEN_TEST_HOSTS build for the whole suite (FASHEN_E2E_NO_BUILD=1 reuses the last one).
export default function setup(): void {
  if (process.env.FASHEN_E2E_NO_BUILD !== '1') buildTestExtension();
}
