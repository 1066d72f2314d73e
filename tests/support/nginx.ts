import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The configuration ClassHub ships (deploy/nginx/classhub.conf): the tests run this very file. */
const SHIPPED_SITE = join(import.meta.dirname, '..', '..', 'deploy', 'nginx', 'classhub.conf');
const NGINX_BINARIES = ['/usr/sbin/nginx', '/usr/bin/nginx'];

export interface RunningNginx {
  readonly url: string;
  stop(): Promise<void>;
}

/** The nginx binary, or undefined with the reason a test prints when it skips. */
export function findNginx(): string | undefined {
  return NGINX_BINARIES.find((path) => existsSync(path));
}

/**
 * Starts Debian's nginx in the foreground on a free port with the shipped
 * site, its upstream blocks pointed at `nodes` (hub URLs). Everything it
 * writes stays in a temp folder.
 */
export async function startNginx(nodes: readonly string[]): Promise<RunningNginx> {
  const binary = findNginx();
  if (!binary) throw new Error('nginx is not installed (apt-get install nginx-light)');
  const dir = await mkdtemp(join(tmpdir(), 'classhub-nginx-'));
  await mkdir(join(dir, 'logs'));
  const port = await freePort();
  const site = pointSiteAt(await readFile(SHIPPED_SITE, 'utf8'), nodes, port);
  await writeFile(join(dir, 'nginx.conf'), mainConfig(dir, site));
  const test = spawnSync(binary, ['-t', '-p', dir, '-c', join(dir, 'nginx.conf')], {
    encoding: 'utf8',
  });
  if (test.status !== 0) throw new Error(`nginx refused the configuration:\n${test.stderr}`);
  const child = spawn(binary, ['-p', dir, '-c', join(dir, 'nginx.conf')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilServing(url, child);
  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGQUIT');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The shipped site with its placeholder nodes replaced and listening on loopback only. */
export function pointSiteAt(site: string, nodes: readonly string[], port: number): string {
  const servers = (options: string) =>
    nodes.map((node) => `    server ${new URL(node).host}${options};`).join('\n');
  return site
    .replace(/^\s*listen \[::\]:80;\n/m, '')
    .replace(/^(\s*)listen 80;/m, `$1listen 127.0.0.1:${port};`)
    .replace(
      /(upstream \w+ \{\n(?:\s*(?:least_conn|hash [^;]+);\n))((?:\s*server [^;]+;\n)+)/g,
      (_whole, head: string, lines: string) => {
        const options = /server \S+( [^;]*)?;/.exec(lines)?.[1] ?? '';
        return `${head}${servers(options)}\n`;
      },
    );
}

function mainConfig(dir: string, site: string): string {
  return `daemon off;
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'logs', 'error.log')} warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${join(dir, 'body')};
  proxy_temp_path ${join(dir, 'proxy')};
  fastcgi_temp_path ${join(dir, 'fastcgi')};
  uwsgi_temp_path ${join(dir, 'uwsgi')};
  scgi_temp_path ${join(dir, 'scgi')};
${site}
}
`;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitUntilServing(url: string, child: ChildProcess): Promise<void> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`nginx exited at start:\n${stderr}`);
    try {
      await fetch(`${url}/api/health`);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error(`nginx did not answer on ${url}:\n${stderr}`);
}
