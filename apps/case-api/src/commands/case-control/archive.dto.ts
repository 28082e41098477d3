/** 归档 takes no fields; any field sent is refused rather than ignored. */
export class ArchiveDto {}
