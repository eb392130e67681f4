package org.photoparity.demo;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * What a synthetic photo or video looks like and what its metadata says. Null fields are left out of the file
 * (no GPS block, no MakerNote entry...), so a spec can describe both a camera original and a stripped copy.
 *
 * @param width          pixel width (also written as EXIF PixelXDimension / video track width)
 * @param height         pixel height
 * @param make           EXIF Make / com.apple.quicktime.make
 * @param model          EXIF Model / com.apple.quicktime.model
 * @param software       EXIF Software (the iOS version), may be null
 * @param captured       wall-clock capture time; its nanos become SubSecTimeOriginal (milliseconds)
 * @param offset         UTC offset at capture (OffsetTimeOriginal), may be null
 * @param contentId      Live Photo content identifier (MakerNote 0x0011 / QuickTime content.identifier)
 * @param imageUniqueId  MakerNote 0x0015
 * @param burstId        MakerNote 0x000B
 * @param latitude       GPS latitude in degrees (south negative), null for none
 * @param longitude      GPS longitude in degrees (west negative), null for none
 * @param orientation    EXIF orientation 1..8
 * @param screenshot     writes UserComment "Screenshot"
 * @param seed           picks the picture: different seeds give different pixels, the same seed the same scene
 *                       at any size
 * @param durationMillis video duration (videos only)
 */
public record MediaSpec(
        int width,
        int height,
        String make,
        String model,
        String software,
        LocalDateTime captured,
        ZoneOffset offset,
        String contentId,
        String imageUniqueId,
        String burstId,
        Double latitude,
        Double longitude,
        int orientation,
        boolean screenshot,
        long seed,
        int durationMillis) {

    public MediaSpec {
        if (width <= 0 || height <= 0 || width > 65535 || height > 65535) {
            throw new IllegalArgumentException("width and height must be 1..65535, got " + width + "x" + height);
        }
        if (orientation < 1 || orientation > 8) {
            throw new IllegalArgumentException("EXIF orientation must be 1..8, got " + orientation);
        }
        if ((latitude == null) != (longitude == null)) {
            throw new IllegalArgumentException("give both latitude and longitude, or neither");
        }
    }

    /** A spec as an iPhone 11 (iPhone12,1) on iOS 17.5.1 would write it, 2024-05-01 12:00 +02:00. */
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.width = width;
        b.height = height;
        b.make = make;
        b.model = model;
        b.software = software;
        b.captured = captured;
        b.offset = offset;
        b.contentId = contentId;
        b.imageUniqueId = imageUniqueId;
        b.burstId = burstId;
        b.latitude = latitude;
        b.longitude = longitude;
        b.orientation = orientation;
        b.screenshot = screenshot;
        b.seed = seed;
        b.durationMillis = durationMillis;
        return b;
    }

    public static final class Builder {
        private int width = 320;
        private int height = 240;
        private String make = "Apple";
        private String model = "iPhone 11";
        private String software = "17.5.1";
        private LocalDateTime captured = LocalDateTime.of(2024, 5, 1, 12, 0, 0);
        private ZoneOffset offset = ZoneOffset.ofHours(2);
        private String contentId;
        private String imageUniqueId;
        private String burstId;
        private Double latitude;
        private Double longitude;
        private int orientation = 1;
        private boolean screenshot;
        private long seed = 1;
        private int durationMillis = 3000;

        private Builder() {
        }

        public Builder size(int w, int h) {
            this.width = w;
            this.height = h;
            return this;
        }

        public Builder make(String v) {
            this.make = v;
            return this;
        }

        public Builder model(String v) {
            this.model = v;
            return this;
        }

        public Builder software(String v) {
            this.software = v;
            return this;
        }

        public Builder captured(LocalDateTime v) {
            this.captured = Objects.requireNonNull(v, "captured");
            return this;
        }

        public Builder offset(ZoneOffset v) {
            this.offset = v;
            return this;
        }

        public Builder contentId(String v) {
            this.contentId = v;
            return this;
        }

        public Builder imageUniqueId(String v) {
            this.imageUniqueId = v;
            return this;
        }

        public Builder burstId(String v) {
            this.burstId = v;
            return this;
        }

        public Builder gps(double lat, double lon) {
            this.latitude = lat;
            this.longitude = lon;
            return this;
        }

        public Builder noGps() {
            this.latitude = null;
            this.longitude = null;
            return this;
        }

        public Builder orientation(int v) {
            this.orientation = v;
            return this;
        }

        public Builder screenshot(boolean v) {
            this.screenshot = v;
            return this;
        }

        public Builder seed(long v) {
            this.seed = v;
            return this;
        }

        public Builder durationMillis(int v) {
            this.durationMillis = v;
            return this;
        }

        public MediaSpec build() {
            return new MediaSpec(width, height, make, model, software, captured, offset, contentId, imageUniqueId,
                    burstId, latitude, longitude, orientation, screenshot, seed, durationMillis);
        }
    }
}
