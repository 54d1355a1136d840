"""Independent oracle for the MS-SRVS provider tests: Samba's own srvsvc client (python3-samba).

Usage: srvsvcOracle.py SMB_CONF HOST USER   (password in the ORACLE_PASSWORD environment variable)
Prints one JSON object: {"sessions": [...NetSessEnum level 1...], "files": [...NetFileEnum level 3...]}.
It reaches the server through ncacn_np, which follows the "smb ports" of SMB_CONF.
"""
import json
import os
import sys

from samba import credentials, param
from samba.dcerpc import srvsvc

EVERYTHING = 0xFFFFFFFF


def main() -> None:
    conf, host, user = sys.argv[1:4]
    lp = param.LoadParm()
    lp.load(conf)
    creds = credentials.Credentials()
    creds.guess(lp)
    creds.set_username(user)
    creds.set_password(os.environ["ORACLE_PASSWORD"])
    conn = srvsvc.srvsvc(f"ncacn_np:{host}[\\pipe\\srvsvc]", lp, creds)
    unc = f"\\\\{host}"

    sessions_ctr = srvsvc.NetSessInfoCtr()
    sessions_ctr.level = 1
    sessions_ctr.ctr = srvsvc.NetSessCtr1()
    sessions_ctr, _total, _resume = conn.NetSessEnum(unc, None, None, sessions_ctr, EVERYTHING, 0)
    sessions = [
        {
            "client": s.client,
            "user": s.user,
            "num_open": s.num_open,
            "time": s.time,
            "idle_time": s.idle_time,
            "user_flags": s.user_flags,
        }
        for s in (sessions_ctr.ctr.array or [])
    ]

    files_ctr = srvsvc.NetFileInfoCtr()
    files_ctr.level = 3
    files_ctr.ctr = srvsvc.NetFileCtr3()
    files_ctr, _total, _resume = conn.NetFileEnum(unc, None, None, files_ctr, EVERYTHING, 0)
    files = [
        {"fid": f.fid, "permissions": f.permissions, "num_locks": f.num_locks, "path": f.path, "user": f.user}
        for f in (files_ctr.ctr.array or [])
    ]
    json.dump({"sessions": sessions, "files": files}, sys.stdout)


if __name__ == "__main__":
    main()
