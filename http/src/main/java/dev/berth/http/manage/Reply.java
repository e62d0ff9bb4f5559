package dev.berth.http.manage;

/** What a route answers: a status and a JSON body, or no body at all. */
record Reply(int status, Object body) {
    /** The handler sent the answer itself. */
    static final Reply SENT = new Reply(0, null);

    static Reply ok(Object body) {
        return new Reply(200, body);
    }

    static Reply created(Object body) {
        return new Reply(201, body);
    }

    static Reply createdOrOk(boolean created, Object body) {
        return new Reply(created ? 201 : 200, body);
    }

    static Reply noContent() {
        return new Reply(204, null);
    }
}
