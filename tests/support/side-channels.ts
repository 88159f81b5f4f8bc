/**
 * Listeners for the ways a page can reach out that request interception does not see:
 * WebSockets, WebRTC's STUN packets over UDP, and connections opened after a name
 * lookup (preconnect). Only loopback addresses are used; the host alias "localhost"
 * and a made-up name stand for outside hosts, since both need a name lookup.
 */
import { createSocket, type Socket } from 'node:dgram';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SideChannelListeners {
  /** What reached the listeners, e.g. "websocket /ws-alias", "udp 20 bytes", "tcp connection". */
  received: string[];
  /** A JavaScript expression that tries every channel and settles when each attempt has ended. */
  script: string;
  /** `<link>` tags that make the browser look up names and open connections without a script. */
  links: string;
  close: () => Promise<void>;
}

/** Starts a TCP (HTTP + WebSocket upgrade) and a UDP listener on 127.0.0.1, on ports the OS picks. */
export async function listenForSideChannels(): Promise<SideChannelListeners> {
  const received: string[] = [];
  const tcp: Server = createServer((request, response) => {
    received.push(`http ${request.headers.host ?? ''}${request.url ?? ''}`);
    response.end('outside');
  });
  tcp.on('connection', () => received.push('tcp connection'));
  tcp.on('upgrade', (request, socket) => {
    received.push(`websocket ${request.url ?? ''}`);
    socket.destroy();
  });
  await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));
  const udp: Socket = createSocket('udp4');
  udp.on('message', (message) => received.push(`udp ${message.length} bytes`));
  await new Promise<void>((resolve) => udp.bind(0, '127.0.0.1', resolve));
  const tcpPort = (tcp.address() as AddressInfo).port;
  const udpPort = udp.address().port;

  const webSockets = [`ws://127.0.0.1:${tcpPort}/ws-other-port`, `ws://localhost:${tcpPort}/ws-alias`];
  const stunServers = [`stun:127.0.0.1:${udpPort}`, `stun:localhost:${udpPort}`];
  const fetches = [`http://attacker.test:${tcpPort}/dns`, `http://localhost:${tcpPort}/alias`];
  const script = `(async () => {
  const socket = (url) => new Promise((done) => {
    try { const ws = new WebSocket(url); ws.onopen = ws.onerror = ws.onclose = () => done(); } catch { done(); }
  });
  const stun = async () => {
    const peer = new RTCPeerConnection({ iceServers: [{ urls: ${JSON.stringify(stunServers)} }] });
    peer.createDataChannel('leak');
    const gathered = new Promise((done) => { peer.onicegatheringstatechange = () => { if (peer.iceGatheringState === 'complete') done(); }; });
    await peer.setLocalDescription(await peer.createOffer());
    await gathered;
    peer.close();
  };
  const get = (url) => fetch(url, { mode: 'no-cors' }).catch(() => undefined);
  await Promise.all([...${JSON.stringify(webSockets)}.map(socket), stun(), ...${JSON.stringify(fetches)}.map(get)]);
  return 'tried';
})()`;
  const links = [
    `<link rel="dns-prefetch" href="//attacker.test">`,
    `<link rel="preconnect" href="http://localhost:${tcpPort}">`,
    `<link rel="preconnect" href="http://127.0.0.1:${tcpPort}">`,
  ].join('\n');
  return {
    received,
    script,
    links,
    close: async () => {
      tcp.closeAllConnections();
      await new Promise<void>((resolve) => tcp.close(() => resolve()));
      await new Promise<void>((resolve) => udp.close(() => resolve()));
    },
  };
}
