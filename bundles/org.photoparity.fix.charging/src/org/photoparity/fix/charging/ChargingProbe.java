package org.photoparity.fix.charging;

import java.util.Optional;
import java.util.OptionalLong;

import org.eclipse.core.runtime.IProgressMonitor;
import org.photoparity.core.model.ProbeResult;
import org.photoparity.core.model.ProbeStatus;
import org.photoparity.core.spi.CaseEvidence;
import org.photoparity.core.spi.IProbe;
import org.photoparity.evidence.AnswerKey;
import org.photoparity.evidence.DeviceInfo;
import org.photoparity.evidence.Findings;
import org.photoparity.evidence.StatusText;

/**
 * Fix 7: is iCloud Photos paused to save power? Below 20 % battery, or with Low Power Mode on, iOS pauses iCloud
 * Photos; big first uploads also run mostly while the phone charges. The battery comes from ideviceinfo
 * com.apple.mobile.battery; Low Power Mode only from the answers (no lockdown key carries it).
 */
public final class ChargingProbe implements IProbe {

    public static final String ID = "probe.charging";

    /** The battery level below which iOS pauses iCloud Photos. */
    public static final int LOW_BATTERY = 20;

    @Override
    public ProbeResult run(CaseEvidence e, IProgressMonitor monitor) {
        Findings f = new Findings(7, ID);
        Optional<Boolean> lowPower = f.answer(e, AnswerKey.LOW_POWER_MODE);
        lowPower.ifPresent(on -> {
            if (on) f.verdict(ProbeStatus.FAIL, "Low Power Mode is on: iCloud Photos is paused until it is off");
        });

        Optional<DeviceInfo> info = e.get(DeviceInfo.class);
        OptionalLong level = info.map(i -> i.longValue(DeviceInfo.BATTERY, "BatteryCurrentCapacity"))
                .orElse(OptionalLong.empty());
        Optional<Boolean> charging = info.flatMap(i -> i.boolValue(DeviceInfo.BATTERY, "BatteryIsCharging"));
        Optional<Boolean> external = info.flatMap(i -> i.boolValue(DeviceInfo.BATTERY, "ExternalConnected"));
        info.ifPresent(i -> {
            f.evidence(i.line(DeviceInfo.BATTERY, "BatteryCurrentCapacity"));
            f.evidence(i.line(DeviceInfo.BATTERY, "BatteryIsCharging"));
            f.evidence(i.line(DeviceInfo.BATTERY, "ExternalConnected"));
            f.evidence(i.line(DeviceInfo.BATTERY, "FullyCharged"));
        });
        boolean onPower = charging.orElse(false) || external.orElse(false);
        // Low Power Mode pauses iCloud Photos at any charge: the battery alone never passes the fix
        boolean lowPowerKnown = lowPower.isPresent() || StatusText.line(e).isPresent();
        String batteryFine = null;
        if (level.isPresent()) {
            long pct = level.getAsLong();
            if (pct < LOW_BATTERY && !onPower) {
                f.verdict(ProbeStatus.FAIL, "battery at " + pct + " % and not charging: iCloud Photos pauses below "
                        + LOW_BATTERY + " %; connect the charger");
            } else if (pct < LOW_BATTERY) {
                f.verdict(ProbeStatus.WARN, "battery at " + pct + " % but on power: uploads resume above "
                        + LOW_BATTERY + " %, leave it charging");
            } else if (!onPower && (charging.isPresent() || external.isPresent())) {
                f.verdict(ProbeStatus.WARN, "battery at " + pct + " % and not on power: large uploads run mostly"
                        + " while charging on Wi-Fi; leave it on the charger overnight");
            } else {
                batteryFine = "battery at " + pct + " %" + (onPower ? " and on power" : "");
            }
        } else if (!charging.isEmpty() || !external.isEmpty()) {
            if (onPower) batteryFine = "the iPhone is on power";
            else f.verdict(ProbeStatus.WARN, "the iPhone is not on power");
        }
        // a battery reading of last week is last week's: it may fail or warn, not pass
        String old = batteryFine == null ? null
                : org.photoparity.evidence.Freshness.tooOld(info.orElse(null), DeviceInfo.BATTERY, e);
        if (old != null) f.evidence(old);
        if (batteryFine != null && lowPowerKnown && old == null) f.verdict(ProbeStatus.PASS, batteryFine);
        if (lowPower.isPresent() && !lowPower.get() && level.isEmpty()) {
            f.verdict(ProbeStatus.PASS, "Low Power Mode is off");
        }
        if (f.hasVerdict() && lowPower.isEmpty()) {
            f.evidence("low_power_mode not answered: look for a yellow battery icon or Settings > Battery");
        }
        StatusText.line(e).ifPresent(f::evidence);
        if (StatusText.LOW_POWER.in(e) || StatusText.LOW_BATTERY.in(e)) {
            f.verdict(ProbeStatus.FAIL, "Photos' status line says it is saving battery power");
        }
        if (batteryFine != null && old != null) {
            return f.result(org.photoparity.evidence.Freshness.readAgain(batteryFine, old, DeviceInfo.BATTERY));
        }
        if (batteryFine != null) {
            return f.result(batteryFine + ", but Low Power Mode is not known: answer low_power_mode (a yellow battery"
                    + " icon, or Settings > Battery) or copy Photos' status line (photos_status_text)");
        }
        return f.result("No battery evidence: give ideviceinfo -q com.apple.mobile.battery output (--device-info)"
                + " and answer low_power_mode");
    }
}
