-- AlterTable
ALTER TABLE "SiteSettings" ADD COLUMN     "mapAttribution" TEXT NOT NULL DEFAULT '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
ADD COLUMN     "mapTileUrl" TEXT NOT NULL DEFAULT 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
ADD COLUMN     "mapsEnabled" BOOLEAN NOT NULL DEFAULT true;
