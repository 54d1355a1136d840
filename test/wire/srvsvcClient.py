"""A real client of the wire server: Samba's own srvsvc binding (python3-samba), no code of this project.

Usage: srvsvcClient.py SMB_CONF HOST USER ACTION [ARGS...]   (password in WIRE_PASSWORD, domain CORP)
Actions: sessions LEVEL | files | shares LEVEL | tod | sessdel CLIENT USER
Prints one JSON value. ncacn_np follows the "smb ports" of SMB_CONF.
"""
import json
import os
import sys

from samba import credentials, param
from samba.dcerpc import srvsvc

EVERYTHING = 0xFFFFFFFF


def main() -> None:
    conf, host, user, action, *args = sys.argv[1:]
    lp = param.LoadParm()
    lp.load(conf)
    creds = credentials.Credentials()
    creds.guess(lp)
    creds.set_domain("CORP")
    creds.set_username(user)
    creds.set_password(os.environ["WIRE_PASSWORD"])
    conn = srvsvc.srvsvc(f"ncacn_np:{host}[\\pipe\\srvsvc]", lp, creds)
    unc = f"\\\\{host}"
    if action == "sessions":
        level = int(args[0])
        ctr = srvsvc.NetSessInfoCtr()
        ctr.level = level
        ctr.ctr = getattr(srvsvc, f"NetSessCtr{level}")()
        ctr, total, _resume = conn.NetSessEnum(unc, None, None, ctr, EVERYTHING, 0)
        rows = []
        for s in ctr.ctr.array or []:
            row = {"client": s.client}
            for field in ("user", "num_open", "time", "idle_time", "user_flags", "client_type", "transport"):
                if hasattr(s, field):
                    row[field] = getattr(s, field)
            rows.append(row)
        print(json.dumps({"total": total, "sessions": rows}))
    elif action == "files":
        ctr = srvsvc.NetFileInfoCtr()
        ctr.level = 3
        ctr.ctr = srvsvc.NetFileCtr3()
        ctr, total, _resume = conn.NetFileEnum(unc, None, None, ctr, EVERYTHING, 0)
        files = [
            {"fid": f.fid, "permissions": f.permissions, "num_locks": f.num_locks, "path": f.path, "user": f.user}
            for f in (ctr.ctr.array or [])
        ]
        print(json.dumps({"total": total, "files": files}))
    elif action == "shares":
        level = int(args[0])
        ctr = srvsvc.NetShareInfoCtr()
        ctr.level = level
        ctr.ctr = getattr(srvsvc, f"NetShareCtr{level}")()
        ctr, total, _resume = conn.NetShareEnumAll(unc, ctr, EVERYTHING, 0)
        print(json.dumps({"total": total, "shares": [s.name for s in (ctr.ctr.array or [])]}))
    elif action == "tod":
        tod = conn.NetRemoteTOD(unc)
        print(json.dumps({"elapsed": tod.elapsed, "year": tod.year, "month": tod.month, "day": tod.day,
                          "hours": tod.hours, "mins": tod.mins, "secs": tod.secs}))
    elif action == "sessdel":
        conn.NetSessDel(unc, args[0], args[1])
        print(json.dumps({"deleted": True}))
    else:
        raise SystemExit(f"unknown action {action}")


if __name__ == "__main__":
    main()
