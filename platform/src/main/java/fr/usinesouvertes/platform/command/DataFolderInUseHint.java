package fr.usinesouvertes.platform.command;

/** A command's advice when a running platform holds the data folder, printed after the lock's message. */
interface DataFolderInUseHint {

    String whenDataFolderInUse();
}
