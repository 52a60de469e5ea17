package org.wasipolyfill.core.fs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wasipolyfill.core.abi.FileType;

/**
 * Rebuilds a MemFS tree from a snapshot's inodes: {@link #check} proves the snapshot is a tree
 * this MemFS can hold (every entry names an inode it has, each directory has one parent, every
 * inode is reachable from the root, names are valid and unique, the bytes fit the limits), so
 * that {@link #apply} cannot fail half way.
 */
final class TreeRestore {
    private final MemFs fs;
    private final List<InodeImage> images;
    private final long maxBytes;
    private final long maxFileSize;
    private final Map<Integer, InodeImage> byIno = new HashMap<>();
    private InodeImage rootImage;

    TreeRestore(MemFs fs, List<InodeImage> images, long maxBytes, long maxFileSize) {
        this.fs = fs;
        this.images = images;
        this.maxBytes = maxBytes;
        this.maxFileSize = maxFileSize;
    }

    void check() {
        long totalBytes = 0;
        for (InodeImage image : images) {
            if (byIno.put(image.ino(), image) != null) {
                throw corrupt("inode " + ino(image) + " appears twice");
            }
            long size = checkKind(image);
            if (size > maxFileSize) {
                throw new RestoreException("file inode " + ino(image) + " holds " + size
                        + " bytes, more than this MemFS's maxFileSize (" + maxFileSize + ")");
            }
            totalBytes += size;
        }
        if (totalBytes > maxBytes) {
            throw new RestoreException("the files hold " + totalBytes + " bytes together, more than this MemFS's maxBytes ("
                    + maxBytes + ")");
        }
        rootImage = byIno.get(fs.root().inoU32());
        if (rootImage == null || rootImage.fileType() != FileType.DIRECTORY) {
            throw corrupt("the root directory (inode " + fs.root().ino() + ") is missing");
        }
        checkTree();
    }

    private static long checkKind(InodeImage image) {
        switch (image.fileType()) {
            case FileType.REGULAR_FILE:
                if (image.chunks() == null) {
                    throw corrupt("file inode " + ino(image) + " has no content");
                }
                long size = 0;
                for (byte[] chunk : image.chunks()) {
                    size += chunk.length;
                }
                return size;
            case FileType.SYMBOLIC_LINK:
                if (image.target() == null) {
                    throw corrupt("symlink inode " + ino(image) + " has no target");
                }
                return 0;
            case FileType.DIRECTORY:
                if (image.names() == null || image.inos() == null || image.names().length != image.inos().length) {
                    throw corrupt("directory inode " + ino(image) + " has malformed entries");
                }
                return 0;
            default:
                throw corrupt("inode " + ino(image) + " is of an unknown kind");
        }
    }

    private void checkTree() {
        Set<Integer> parented = new HashSet<>();
        Set<Integer> reached = new HashSet<>();
        reached.add(rootImage.ino());
        List<InodeImage> pending = new ArrayList<>();
        pending.add(rootImage);
        while (!pending.isEmpty()) {
            InodeImage directory = pending.remove(pending.size() - 1);
            Set<FileName> names = new HashSet<>();
            for (int i = 0; i < directory.names().length; i++) {
                byte[] name = directory.names()[i];
                if (!validName(name) || !names.add(new FileName(name))) {
                    throw corrupt("directory inode " + ino(directory) + " has an invalid or repeated name");
                }
                InodeImage child = byIno.get(directory.inos()[i]);
                if (child == null || child == rootImage) {
                    throw corrupt("directory inode " + ino(directory) + " names inode "
                            + Integer.toUnsignedString(directory.inos()[i]) + ", which the snapshot does not hold");
                }
                reached.add(child.ino());
                if (child.fileType() == FileType.DIRECTORY) {
                    if (!parented.add(child.ino())) {
                        throw corrupt("directory inode " + ino(child) + " has more than one parent");
                    }
                    pending.add(child);
                }
            }
        }
        if (reached.size() != byIno.size()) {
            throw corrupt((byIno.size() - reached.size()) + " inode(s) are not reachable from the root");
        }
    }

    /** A name a directory may hold: not empty, ".", or "..", and free of '/' and NUL. */
    private static boolean validName(byte[] name) {
        if (name == null || name.length == 0 || (name[0] == '.' && (name.length == 1
                || (name.length == 2 && name[1] == '.')))) {
            return false;
        }
        for (byte b : name) {
            if (b == '/' || b == 0) {
                return false;
            }
        }
        return true;
    }

    /** Builds the checked tree under the (already emptied) root; returns the largest inode number. */
    int apply(int generation) {
        Map<Integer, Inode> nodes = new HashMap<>();
        int maxIno = 0;
        for (InodeImage image : images) {
            Inode node = image == rootImage ? fs.root() : create(image);
            nodes.put(image.ino(), node);
            if (Integer.compareUnsigned(image.ino(), maxIno) > 0) {
                maxIno = image.ino();
            }
        }
        long now = fs.now();
        for (InodeImage image : images) {
            if (image.fileType() == FileType.DIRECTORY) {
                DirectoryNode directory = (DirectoryNode) nodes.get(image.ino());
                for (int i = 0; i < image.names().length; i++) {
                    directory.link(new FileName(image.names()[i]), nodes.get(image.inos()[i]), now);
                }
            }
        }
        for (InodeImage image : images) {
            nodes.get(image.ino()).restored(image.atim(), image.mtim(), image.ctim(), generation);
        }
        return maxIno;
    }

    private Inode create(InodeImage image) {
        switch (image.fileType()) {
            case FileType.REGULAR_FILE:
                FileNode file = fs.restoredFile(image.ino());
                for (byte[] chunk : image.chunks()) {
                    file.data().appendRestored(chunk);
                }
                return file;
            case FileType.SYMBOLIC_LINK:
                return fs.restoredSymlink(image.ino(), image.target());
            default:
                return fs.restoredDirectory(image.ino());
        }
    }

    private static String ino(InodeImage image) {
        return Integer.toUnsignedString(image.ino());
    }

    private static RestoreException corrupt(String what) {
        return new RestoreException("the snapshot is corrupt: " + what);
    }
}
