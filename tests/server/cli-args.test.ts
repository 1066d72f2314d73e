import { describe, expect, it } from 'vitest';
import { helpText, readCli } from '../../src-server/cli-args';
import { ConfigError, OPTION_DOCS, parseHubConfig } from '../../src-server/config';

describe('hub options from the command line', () => {
  it('maps each flag onto the options object', () => {
    const { options } = readCli(
      ['--port', '4100', '--host', '127.0.0.1', '--data', './x', '--verification', 'email'],
      {},
    );
    expect(parseHubConfig(options)).toMatchObject({
      port: 4100,
      host: '127.0.0.1',
      dataDir: './x',
      verification: 'email',
    });
  });

  it('reads CLASSHUB_* environment variables, and a flag beats its variable', () => {
    const env = {
      CLASSHUB_PORT: '4200',
      CLASSHUB_VERIFICATION: 'none',
      CLASSHUB_PUBLIC_URL: 'http://hub.local:4200',
    };
    expect(parseHubConfig(readCli([], env).options)).toMatchObject({
      port: 4200,
      verification: 'none',
      publicUrl: 'http://hub.local:4200',
    });
    expect(parseHubConfig(readCli(['--port', '4300'], env).options).port).toBe(4300);
  });

  it('uses documented defaults', () => {
    expect(parseHubConfig({})).toMatchObject({
      port: 4000,
      host: '0.0.0.0',
      dataDir: './hub-data',
      bcryptRounds: 11,
      logLevel: 'info',
    });
  });

  it('gives every option an environment twin named after its flag', () => {
    // One exception: a database address is conventionally a *_DATABASE_URL variable.
    for (const option of OPTION_DOCS.filter((o) => o.flag !== 'database'))
      expect(option.env).toBe(`CLASSHUB_${option.flag.replace(/-/g, '_').toUpperCase()}`);
    expect(OPTION_DOCS.find((o) => o.flag === 'database')?.env).toBe('CLASSHUB_DATABASE_URL');
    expect(OPTION_DOCS.map((o) => o.env)).toEqual(
      expect.arrayContaining([
        'CLASSHUB_PORT',
        'CLASSHUB_HOST',
        'CLASSHUB_DATA',
        'CLASSHUB_VERIFICATION',
      ]),
    );
  });

  it('lists every flag, its variable and its default in --help', () => {
    const help = helpText('npm run hub --');
    for (const option of OPTION_DOCS) {
      expect(help).toContain(`--${option.flag}`);
      expect(help).toContain(option.env);
    }
    expect(help).toContain('Default: 4000.');
    expect(readCli(['--help'], {}).help).toBe(true);
  });

  it('names the flag and the variable when a value is wrong', () => {
    expect(() =>
      parseHubConfig(readCli(['--port', 'eighty', '--verification', 'maybe'], {}).options),
    ).toThrow(ConfigError);
    try {
      parseHubConfig(readCli(['--port', 'eighty'], {}).options);
    } catch (error) {
      expect((error as Error).message).toContain('--port (CLASSHUB_PORT)');
    }
  });

  it('takes a PostgreSQL database and a blob folder, from flags or the environment', () => {
    const url = 'postgres://classhub:secret@db.school.example:5432/classhub';
    expect(
      parseHubConfig(readCli(['--database', url, '--blobs', '/srv/blobs'], {}).options),
    ).toMatchObject({
      database: url,
      blobsDir: '/srv/blobs',
    });
    expect(parseHubConfig(readCli([], { CLASSHUB_DATABASE_URL: url }).options).database).toBe(url);
    expect(parseHubConfig({}).database).toBeUndefined();
  });

  it('refuses a database address that is not a PostgreSQL URL, naming the flag', () => {
    expect(() =>
      parseHubConfig(readCli(['--database', 'mysql://db/classhub'], {}).options),
    ).toThrow(/--database \(CLASSHUB_DATABASE_URL\): Use a PostgreSQL URL/);
  });

  it('takes the proxies to trust behind a load balancer, and refuses what Express could not read', () => {
    const trusted = (value: string) =>
      parseHubConfig(readCli(['--trust-proxy', value], {}).options).trustProxy;
    expect(trusted('loopback')).toBe('loopback');
    expect(trusted('10.0.0.0/8, 127.0.0.1, ::1')).toBe('10.0.0.0/8, 127.0.0.1, ::1');
    expect(() => trusted('nginx.local')).toThrow(/--trust-proxy \(CLASSHUB_TRUST_PROXY\)/);
    expect(() => trusted('10.0.0.0/33')).toThrow(ConfigError);
  });

  it('refuses an unknown flag', () => {
    expect(() => readCli(['--prot', '4000'], {})).toThrow(/Unknown option '--prot'/);
  });
});
