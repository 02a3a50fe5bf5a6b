// Every limit the explorer enforces, in one place (the README's Limits section says the same).
// Each one is a reason, not a taste: what happens beyond it is said beside it.

/** The largest IDX payload one file may declare (1 GiB): every byte is held in the tab's memory. */
export const MAX_FILE_BYTES = 1024 ** 3;

/**
 * The largest dataset, images and labels together (1.5 GiB: about two million 28 × 28 images;
 * EMNIST ByClass, the largest published, has 640 MB). A larger one is refused as its headers
 * arrive, before its buffers are made.
 */
export const MAX_DATASET_BYTES = 1.5 * 1024 ** 3;

/** The largest image side (the IDX format allows more; the grid's cells and the analyses do not). */
export const MAX_IMAGE_SIDE = 256;

/** Label byte 255 is kept for "no label"; 0–254 are classes. */
export const MAX_LABEL = 254;

/**
 * The largest image the principal-component analyses (map, suspect labels, near-duplicates)
 * take: their covariance is pixels × pixels float64 (128 MB at 64 × 64; 256 × 256 would ask 34 GB).
 */
export const MAX_COMPONENT_PIXELS = 64 * 64;

/**
 * The most digits the classifier trains on: each digit's 512 features are 2 KB held beside the
 * data (143 MB for MNIST, 512 MB at this limit; EMNIST ByClass's 814,255 would ask 1.7 GB).
 */
export const MAX_CLASSIFIER_DIGITS = 250_000;

/** The sample's size: the notebook's plot holds 30; more than 100 is no longer a glance. */
export const MIN_SAMPLE_SIZE = 1;
export const MAX_SAMPLE_SIZE = 100;

/** A link parameter's value longer than this is refused (with the reason) before it is parsed. */
export const MAX_LINK_VALUE_LENGTH = 2048;
