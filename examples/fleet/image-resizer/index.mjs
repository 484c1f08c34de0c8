import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import sharp from 'sharp';
import { OUTPUT_PREFIX, PRESETS, outputKey } from './presets.mjs';

const s3 = new S3Client({});
const SUPPORTED_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif']);
const MAX_INPUT_BYTES = 25 * 1024 * 1024;

class UnsupportedImageError extends Error {
  constructor(key, reason) {
    super(`${key}: ${reason}`);
    this.name = 'UnsupportedImageError';
  }
}

async function renditionsFor(bucket, key, destinationBucket) {
  const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  if (!SUPPORTED_TYPES.has(object.ContentType)) {
    throw new UnsupportedImageError(key, `unsupported content type ${object.ContentType}`);
  }
  if (object.ContentLength > MAX_INPUT_BYTES) {
    throw new UnsupportedImageError(key, `image is ${object.ContentLength} bytes, limit is ${MAX_INPUT_BYTES}`);
  }

  const input = Buffer.from(await object.Body.transformToByteArray());
  const { width: sourceWidth } = await sharp(input).metadata();
  const written = [];
  for (const preset of PRESETS) {
    if (sourceWidth && sourceWidth < preset.width) break; // never upscale
    const output = await sharp(input)
      .rotate() // honour EXIF orientation before stripping metadata
      .resize({ width: preset.width, withoutEnlargement: true })
      .webp({ quality: preset.quality })
      .toBuffer();
    const targetKey = outputKey(key, preset);
    await s3.send(
      new PutObjectCommand({
        Bucket: destinationBucket,
        Key: targetKey,
        Body: output,
        ContentType: 'image/webp',
        CacheControl: 'public, max-age=31536000, immutable',
        Metadata: { 'source-key': key },
      }),
    );
    written.push({ key: targetKey, bytes: output.length });
  }
  return written;
}

export const handler = async (event) => {
  const results = [];
  for (const record of event.Records) {
    const bucket = record.s3.bucket.name;
    const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
    // Our own output may land in the same bucket: never resize a thumbnail again.
    if (key.startsWith(OUTPUT_PREFIX)) continue;
    try {
      const renditions = await renditionsFor(bucket, key, process.env.THUMBNAIL_BUCKET || bucket);
      console.log(JSON.stringify({ level: 'info', message: 'thumbnails written', bucket, key, renditions }));
      results.push({ key, renditions: renditions.length });
    } catch (err) {
      if (err.name !== 'UnsupportedImageError') throw err;
      console.warn(JSON.stringify({ level: 'warn', message: 'skipping object', bucket, key, reason: err.message }));
    }
  }
  return { processed: results.length, results };
};
