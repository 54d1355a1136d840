import { describe, expect, it } from "vitest";
import { createEmulator, type IADsContainer, type IADsService } from "../../src/index.js";

describe("a service always has the Service class's mandatory properties (issue 7 item 11, spec §10)", () => {
  it("the docs' list-services loop reads DisplayName and Path of a fixture service that names neither", () => {
    const emu = createEmulator({
      fixture: {
        version: 1,
        now: "2026-01-05T09:00:00Z",
        domains: [
          {
            name: "LAB",
            type: "workgroup",
            computers: [
              {
                name: "PC1",
                users: [{ name: "admin", password: "pw", groups: ["Administrators"] }],
                services: [
                  { name: "Spooler" },
                  { name: "W32Time", displayName: "Windows Time", path: "C:\\w32time.exe" },
                ],
              },
            ],
          },
        ],
      },
    });
    const computer = emu.GetObject<IADsContainer>("WinNT://PC1,computer");
    computer.Filter = ["Service"];
    const rows = [...computer].map((item) => {
      const service = item as IADsService;
      return [
        service.Name,
        service.DisplayName,
        service.Path,
        service.StartType,
        service.ServiceType,
        service.ErrorControl,
      ];
    });
    expect(rows).toEqual([
      ["Spooler", "Spooler", "C:\\Windows\\System32\\svchost.exe", 2, 0x20, 1],
      ["W32Time", "Windows Time", "C:\\w32time.exe", 2, 0x20, 1],
    ]);
  });
});
