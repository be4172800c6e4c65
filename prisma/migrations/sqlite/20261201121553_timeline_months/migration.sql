-- Rows indexed before the local time was stored get the one the app shows for them
-- (src/lib/local-time.ts localTimeFromInstant: the instant moved by the offset, UTC without one),
-- so every dated photo falls in a month. Prisma stores the instant as ISO 8601 text.
UPDATE "Photo" SET "takenAtLocal" = strftime('%Y-%m-%dT%H:%M:%S', "takenAt", printf('%+d minutes', COALESCE("takenAtOffset", 0)))
WHERE "takenAtLocal" IS NULL AND "takenAt" IS NOT NULL;

-- CreateIndex
CREATE INDEX "Photo_takenAtLocal_idx" ON "Photo"("takenAtLocal");
