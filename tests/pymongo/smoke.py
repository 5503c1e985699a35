"""pymongo against the embedded server: the second driver the server must serve unchanged.

Usage: python3 smoke.py mongodb://127.0.0.1:<port>/
Exits non-zero on the first check that fails, naming it.
"""
import sys

import gridfs
import pymongo
from pymongo.errors import BulkWriteError, DuplicateKeyError, OperationFailure

checks = 0


def check(name, condition, detail=""):
    global checks
    if not condition:
        print(f"pymongo smoke: FAILED {name} {detail}")
        sys.exit(1)
    checks += 1


client = pymongo.MongoClient(sys.argv[1], serverSelectionTimeoutMS=10000)
check("ping", client.admin.command("ping")["ok"] == 1.0)
check("buildInfo version x.y.z", len(client.server_info()["version"].split(".")) == 3)

client.drop_database("pymongo_smoke")
db = client["pymongo_smoke"]
flights = db["flights"]
flights.insert_many([{"_id": i, "origin": "ABC"[i % 3], "delay": i - 50, "tags": ["t%d" % (i % 4)]} for i in range(1000)])
check("count", flights.count_documents({}) == 1000)
check("filter", flights.count_documents({"origin": "A", "delay": {"$gte": 0}}) == len([i for i in range(1000) if i % 3 == 0 and i >= 50]))

late = list(flights.find({"delay": {"$gt": 900}}, {"_id": 1}).sort("delay", pymongo.DESCENDING))
check("sort and projection", [d["_id"] for d in late] == list(range(999, 950, -1)), str(late[:3]))
check("getMore through a small batch size", sum(1 for _ in flights.find({}, batch_size=7)) == 1000)

result = flights.update_many({"origin": "B"}, {"$set": {"scored": True}, "$inc": {"delay": 1}})
check("update_many", result.modified_count == len([i for i in range(1000) if i % 3 == 1]))
check("update applied", flights.find_one({"_id": 1}) == {"_id": 1, "origin": "B", "delay": -48, "tags": ["t1"], "scored": True})
check("upsert", flights.update_one({"_id": 5000}, {"$setOnInsert": {"origin": "Z"}}, upsert=True).upserted_id == 5000)

grouped = {d["_id"]: d["n"] for d in flights.aggregate([{"$group": {"_id": "$origin", "n": {"$sum": 1}}}])}
check("aggregate $group", grouped == {"A": 334, "B": 333, "C": 333, "Z": 1}, str(grouped))

flights.create_index([("origin", 1), ("delay", 1)], unique=True, name="origin_delay")
try:
    flights.insert_one({"origin": "A", "delay": -50})
    check("unique index refuses a duplicate", False)
except DuplicateKeyError as e:
    check("duplicate key code 11000", e.code == 11000, str(e))

try:
    flights.insert_many([{"_id": 9001, "origin": "X", "delay": 1}, {"_id": 1}, {"_id": 9002, "origin": "X", "delay": 2}], ordered=False)
    check("unordered bulk with a duplicate", False)
except BulkWriteError as e:
    check("unordered bulk write error index", [w["index"] for w in e.details["writeErrors"]] == [1], str(e.details))
    check("unordered bulk inserted the others", flights.count_documents({"_id": {"$in": [9001, 9002]}}) == 2)

try:
    db.command("noSuchCommand")
    check("unknown command refused", False)
except OperationFailure as e:
    check("unknown command code 59", e.code == 59, str(e))

fs = gridfs.GridFS(db, collection="models")
payload = bytes(range(256)) * 4096
file_id = fs.put(payload, filename="model.zip", metadata={"version": 1})
check("GridFS round trip", fs.get(file_id).read() == payload)
check("GridFS find by name", fs.find_one({"filename": "model.zip"})._id == file_id)

check("delete_many", flights.delete_many({"origin": "C"}).deleted_count == 333)
client.drop_database("pymongo_smoke")
check("drop_database", "pymongo_smoke" not in client.list_database_names())
print(f"pymongo smoke: {checks} checks passed (pymongo {pymongo.version})")
