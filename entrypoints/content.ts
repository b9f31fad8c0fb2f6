import { init } from '@/lib/annotate/index';
import { readView, watchView } from '@/lib/annotate/view-store';
import { followLang } from '@/lib/i18n/react';
import { ContentCommandSchema, request } from '@/lib/messages/index';

// Registered at runtime for the sites the user (or the administrator) enabled; see
// lib/sites/registration.ts. Runs in every frame, about:blank and srcdoc frames included.
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  main(ctx) {
    const send = (msg: unknown): Promise<unknown> => browser.runtime.sendMessage(msg);
    const annotator = init(ctx.signal, {
      hello: () => request(send, { kind: 'hello' }),
      readView,
      watchView,
      report: (regions) => void request(send, { kind: 'report', regions }).catch(() => undefined),
      decisions: async () => (await request(send, { kind: 'page-decisions' })).decisions,
      lang: followLang(ctx.signal),
    });
    // Commands come from the extension only (runtime messages; a page cannot send them) and are
    // parsed before anything acts on them.
    const onCommand = (msg: unknown): undefined => {
      const cmd = ContentCommandSchema.safeParse(msg);
      if (!cmd.success) return undefined;
      if (cmd.data.kind === 'stop') ctx.abort('site disabled');
      else annotator.command(cmd.data);
      return undefined;
    };
    browser.runtime.onMessage.addListener(onCommand);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onCommand));
  },
});
