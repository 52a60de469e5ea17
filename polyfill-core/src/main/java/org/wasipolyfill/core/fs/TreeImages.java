package org.wasipolyfill.core.fs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.wasipolyfill.core.abi.Errno;
import org.wasipolyfill.core.abi.ErrnoException;
import org.wasipolyfill.core.abi.FileType;

/**
 * The lossless images of a MemFS that persistence uses: what changed since a store's last save
 * ({@link #changesSince}), and a whole tree restored from a snapshot ({@link #restore}). Every node
 * is stamped with the generation in which it last changed; a save ends the generation it collects.
 */
final class TreeImages {
    private final MemFs fs;
    private final ByteBudget budget;
    private final InodeFactory factory;

    TreeImages(MemFs fs, ByteBudget budget, InodeFactory factory) {
        this.fs = fs;
        this.budget = budget;
        this.factory = factory;
    }

    /**
     * What changed after generation {@code since} (a store's baseline; -1 for none), and the end of
     * the current generation, which is the store's next baseline: what changes from now on belongs
     * to the next save. With no baseline the set is full: every reachable inode, to replace what
     * the store holds.
     */
    public ChangeSet changesSince(int since) {
        if (since >= fs.generation) {
            since = -1;
        }
        int collecting = fs.generation++;
        List<Inode> changed = new ArrayList<>();
        int[] live = new int[16];
        int liveCount = 0;
        DirectoryNode[] pending = { fs.root() };
        int pendingCount = 1;
        while (pendingCount > 0) {
            DirectoryNode directory = pending[--pendingCount];
            for (int slot = -1, end = directory.slotCount(); slot < end; slot++) {
                Inode node = slot < 0 ? directory : directory.entryAt(slot) == null ? null : directory.entryAt(slot).node();
                if (node != directory && node instanceof DirectoryNode child) {
                    if (pendingCount == pending.length) {
                        pending = Arrays.copyOf(pending, pendingCount * 2);
                    }
                    pending[pendingCount++] = child;
                    continue;
                }
                // A file with two names is met twice.
                if (node == null || node.collectedIn == collecting) {
                    continue;
                }
                node.collectedIn = collecting;
                if (liveCount == live.length) {
                    live = Arrays.copyOf(live, liveCount * 2);
                }
                live[liveCount++] = node.inoU32();
                if (node.changedSince(since)) {
                    changed.add(node);
                }
            }
        }
        return new ChangeSet(collecting, since, fs.root().inoU32(), changed, Arrays.copyOf(live, liveCount));
    }

    /**
     * Replaces the whole tree with a snapshot's {@code images}, {@code images[rootIndex]} being the
     * root's, and returns the generation it is: the baseline of the next save to the store it came
     * from (a save to any other store is then a full one). The caller has checked that the images
     * form a tree (each directory named once, every inode reachable, names valid and unique), as
     * {@code MemFS.load} does; this checks the limits, ENOSPC or EFBIG before anything changes.
     * The root keeps its identity, so a preopen of "/" sees the new tree; the nodes under it are new.
     */
    public int restore(InodeImage[] images, int rootIndex) {
        Inode[] nodes = new Inode[images.length];
        long total = 0;
        int maxIno = 0;
        for (int i = 0; i < images.length; i++) {
            InodeImage image = images[i];
            if (Integer.compareUnsigned(image.ino, maxIno) > 0) {
                maxIno = image.ino;
            }
            if (i == rootIndex) {
                nodes[i] = fs.root();
            } else if (image.fileType == FileType.REGULAR_FILE) {
                FileNode file = new FileNode(image.ino, 0, fs);
                for (byte[] chunk : image.chunks) {
                    if (file.size() + chunk.length > budget.maxFileSize()) {
                        throw ErrnoException.of(Errno.FBIG);
                    }
                    file.data().appendRestored(chunk);
                }
                total += file.size();
                nodes[i] = file;
            } else if (image.fileType == FileType.DIRECTORY) {
                nodes[i] = new DirectoryNode(image.ino, 0, fs.root(), fs);
            } else {
                nodes[i] = new SymlinkNode(image.ino, 0, image.target, fs);
            }
        }
        budget.checkTree(total);
        clear(fs.root());
        for (int i = 0; i < images.length; i++) {
            InodeImage image = images[i];
            for (int e = 0; image.children != null && e < image.children.length; e++) {
                ((DirectoryNode) nodes[i]).link(new FileName(image.names[e]), nodes[image.children[e]], 0);
            }
        }
        for (int i = 0; i < images.length; i++) {
            nodes[i].restored(images[i].atim, images[i].mtim, images[i].ctim, images[i].mode, fs.generation);
        }
        budget.count(total);
        factory.continueAfter(maxIno);
        return fs.generation++;
    }

    /** Unlinks everything under {@code directory}, giving back the bytes of files nothing else holds. */
    private void clear(DirectoryNode directory) {
        DirectoryNode.Entry[] entries = new DirectoryNode.Entry[directory.entryCount()];
        int count = 0;
        for (int slot = 0, end = directory.slotCount(); slot < end; slot++) {
            if (directory.entryAt(slot) != null) {
                entries[count++] = directory.entryAt(slot);
            }
        }
        long now = fs.now();
        for (int i = 0; i < count; i++) {
            if (entries[i].node() instanceof DirectoryNode child) {
                clear(child);
            }
            TreeOperations.released(directory.unlink(entries[i].name(), now));
        }
    }
}
