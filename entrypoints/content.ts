import { init } from '@/lib/annotate/index';
import { readView, watchView } from '@/lib/annotate/view-store';
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
    const onCommand = (msg: unknown): undefined => {
      if (ContentCommandSchema.safeParse(msg).data?.kind === 'stop') ctx.abort('site disabled');
      return undefined;
    };
    browser.runtime.onMessage.addListener(onCommand);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onCommand));
    init(ctx.signal, {
      hello: () => request(send, { kind: 'hello' }),
      readView,
      watchView,
      summary: (summaries) => void request(send, { kind: 'summary', summaries }).catch(() => undefined),
    });
  },
});
