// The store moved to libs/persistence (the documents job writes beside the evidence); re-exported for the API's imports.
export { EvidenceHashMismatchError, EvidenceMissingError, EvidenceStore, type StoredFile } from '@zhifa/persistence';
