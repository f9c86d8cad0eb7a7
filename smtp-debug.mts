import { startInbox } from "/work/main/tests/helpers/smtp-inbox";

const inbox = await startInbox();
console.log(inbox.url);
setInterval(
  () =>
    console.log(
      "received",
      inbox.received.map((m) => m.subject),
    ),
  5000,
);
