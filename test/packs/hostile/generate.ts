// Write the hostile files to a folder, to try them by hand in the options page:
//   npx tsx test/packs/hostile/generate.ts /tmp/hostile
// (the "trusted" key is generated on the fly: add DIR/trusted.pub.json as a user key first)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { testKeys } from '../../store/fixture';
import { hostileCases } from './cases';

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: tsx test/packs/hostile/generate.ts DIR\n');
  process.exit(2);
}
mkdirSync(dir, { recursive: true });
const { trusted } = await testKeys();
writeFileSync(join(dir, 'trusted.pub.json'), JSON.stringify(trusted.publicKey, null, 1));
let i = 0;
for (const c of hostileCases()) {
  const name = `${String(++i).padStart(2, '0')}-${c.name.replace(/[^\w]+/g, '-').replace(/^-|-$/g, '')}.json`;
  writeFileSync(join(dir, name), await c.file());
  process.stdout.write(`${name}  → ${c.code}${c.path ? ` @ ${String(c.path)}` : ''}\n`);
}
