import type { PublicKey } from './sign';

// The fashen project's own publisher key (issue 4): packs signed with it install everywhere without
// any policy. Generated with `pack keygen`; the private half is kept off the repository by the
// maintainers (it never belongs in this tree). To rotate: add the new key here, ship, then drop the old.

/** Public keys trusted by every installation. */
export const PUBLISHER_KEYS: PublicKey[] = [
  {
    format: 'fashen-publisher-key/1',
    keyId: 'C4semnUeUMplKsBfjVYmf1Cf54hPUEBsfYue18wl5oQ',
    name: '法审 fashen 项目 / fashen project',
    alg: 'ES256',
    jwk: {
      kty: 'EC',
      crv: 'P-256',
      x: '9hgkNAbshwPg2QOwjoAV64Jl8eUsS9QPOPOXsbYaJY8',
      y: 'AkZiBHggBMUd6SpaRtDIyCt7um_ZJUc9QbXVW-9qMrY',
    },
  },
];
