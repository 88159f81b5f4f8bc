import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  clearStaleSideFolders,
  removeWithSideFoldersSync,
  sideFolder,
  sidePlace,
  swapInSync,
} from '../../src/lib/side-folders.ts';

let dir: string;
/** A process id that has exited: what a run killed outright leaves in its folder names. */
const gone = spawnSync('true').pid;

async function folderWith(path: string, text: string): Promise<void> {
  await mkdir(path, { recursive: true });
  await writeFile(join(path, 'index.html'), text);
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'guide-side-folders-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('sidePlace', () => {
  it('puts the side folders of a folder inside the site beside the site, never inside it', () => {
    expect(sidePlace('/srv/dist/handouts', '/srv/dist')).toEqual({ parent: '/srv', name: 'dist.handouts' });
    expect(sidePlace('/srv/dist/a/b', '/srv/dist')).toEqual({ parent: '/srv', name: 'dist.a.b' });
  });

  it('puts them beside a folder outside the site', () => {
    expect(sidePlace('/print/handouts', '/srv/dist')).toEqual({ parent: '/print', name: 'handouts' });
  });
});

describe('clearStaleSideFolders', () => {
  it("removes the folders of runs that are gone and keeps a running one's", async () => {
    const stale = join(dir, `.dist.next-${gone}-aaaa`);
    const nested = join(dir, `..dist.next-${gone}-aaaa.handouts.staging-${gone}-bbbb`);
    const live = sideFolder(join(dir, 'dist'), 'next');
    for (const path of [stale, nested, live]) await folderWith(path, 'half');
    await folderWith(join(dir, 'dist'), 'good');
    expect(clearStaleSideFolders(dir, 'dist').sort()).toEqual([nested, stale].sort());
    expect((await readdir(dir)).sort()).toEqual([live.slice(dir.length + 1), 'dist'].sort());
  });

  it('puts the old folder back when a run died between the two renames', async () => {
    await folderWith(join(dir, `.dist.old-${gone}-cccc`), 'last good');
    clearStaleSideFolders(dir, 'dist');
    expect(await readFile(join(dir, 'dist', 'index.html'), 'utf8')).toBe('last good');
  });

  it('leaves other folders alone', async () => {
    await folderWith(join(dir, `.distant.next-${gone}`), 'not ours');
    expect(clearStaleSideFolders(dir, 'dist')).toEqual([]);
  });
});

describe('swapInSync and removeWithSideFoldersSync', () => {
  it('replaces the target whole and leaves nothing beside it', async () => {
    const target = join(dir, 'dist');
    await folderWith(target, 'old');
    await writeFile(join(target, 'gone.txt'), 'only in the old build');
    const next = sideFolder(target, 'next');
    await folderWith(next, 'new');
    swapInSync(next, target);
    expect(await readdir(target)).toEqual(['index.html']);
    expect(await readFile(join(target, 'index.html'), 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['dist']);
  });

  it('removes a dropped fresh folder with the staging folders beside it', async () => {
    const next = sideFolder(join(dir, 'dist'), 'next');
    await folderWith(next, 'half');
    await folderWith(`${join(dir, '.')}/.${next.slice(dir.length + 1)}.handouts.staging-1-x`, 'half');
    removeWithSideFoldersSync(next);
    expect(await readdir(dir)).toEqual([]);
  });
});
