import { describe, expect, it } from "vitest";
import { emulatorTarget } from "../../src/contract/emulatorTarget.js";
import {
  profileDisagreements,
  profileExpectations,
  recordObservations,
} from "../../src/contract/recorder.js";
import { sambaProfile, windowsProfile } from "../../src/index.js";

describe("the recorder of [U] observations", () => {
  it("observes on the emulator exactly what its profile chose, for both profiles", async () => {
    for (const profile of [windowsProfile, sambaProfile]) {
      const recording = await recordObservations(`emulator ${profile.name}`, emulatorTarget({ profile }));
      expect(
        Object.fromEntries(Object.entries(recording.observations).map(([k, o]) => [k, o.observed])),
      ).toEqual(profileExpectations(profile));
      expect(profileDisagreements(recording, profile)).toEqual([]);
    }
  });

  it("lists where a profile disagrees with a recording (here: windows against what Samba answers)", async () => {
    const samba = await recordObservations("emulator samba", emulatorTarget({ profile: "samba" }));
    expect(profileDisagreements(samba, windowsProfile).map((d) => [d.key, d.profile, d.observed])).toEqual([
      ["idleTimeTracked", "true", "false"],
      ["unknownSessionRemove", "NERR_ClientNameNotFound", "E_ACCESSDENIED"],
      ["unknownFileRemove", "NERR_FileIdNotFound", "ERROR_FILE_NOT_FOUND"],
    ]);
  });

  it("tells seconds from minutes and names other session formats", async () => {
    const target = emulatorTarget();
    const recording = await recordObservations("emulator", target, { waitMs: 125_000 });
    expect(recording.observations.connectTimeUnits?.observed).toBe("seconds");
    expect(recording.observations.sessionName?.observed).toBe("User\\Computer");
  });
});
