/**
 * What each RTP sender sends: the track pc.addTrack gave it, and the one sender.replaceTrack
 * swapped in (a screen in place of the camera, with no renegotiation). Tracks carry the ids
 * media-capture gave them, so a goal can ask where the sent track came from.
 */
import type { Interceptor } from './intercept.ts';

export function observeSenders(ctx: Interceptor): void {
  const { win, report, invoke, guard } = ctx;
  const NativePc = win.RTCPeerConnection;
  const senderProto = win.RTCRtpSender?.prototype;
  if (typeof NativePc !== 'function' || !senderProto) return;
  // The connection each sender belongs to, learnt when addTrack made it.
  const owners = new WeakMap<RTCRtpSender, string>();
  const nativeTrack = ctx.nativeGetter(senderProto, 'track');
  const sentTrack = (sender: RTCRtpSender): MediaStreamTrack | null => (nativeTrack ? (invoke(nativeTrack, sender, []) as MediaStreamTrack | null) : sender.track);

  const sends = (pc: string, track: MediaStreamTrack | null, kind: string): void =>
    report({ type: 'sender-track', pc, track: track ? ctx.idFor(track, 'track') : null, kind });

  ctx.wrapMethod(NativePc.prototype, 'addTrack', (original) =>
    ({
      addTrack(this: RTCPeerConnection, ...args: unknown[]): unknown {
        const sender = invoke(original, this, args);
        guard(() => {
          if (!(sender instanceof win.RTCRtpSender)) return;
          const pc = ctx.idFor(this, 'pc');
          owners.set(sender, pc);
          const track = sentTrack(sender);
          if (track) sends(pc, track, track.kind);
        });
        return sender;
      },
    }).addTrack,
  );

  ctx.wrapMethod(senderProto, 'replaceTrack', (original) =>
    ({
      replaceTrack(this: RTCRtpSender, ...args: unknown[]): unknown {
        const result = invoke(original, this, args);
        const pc = owners.get(this);
        if (pc === undefined || !(result instanceof win.Promise)) return result;
        const next = args[0] instanceof win.MediaStreamTrack ? args[0] : null;
        // The kind of what it sent before, for a track replaced by nothing.
        const kind = next?.kind ?? sentTrack(this)?.kind ?? '';
        return ctx.tap(result as Promise<unknown>, () => sends(pc, next, kind));
      },
    }).replaceTrack,
  );
}
