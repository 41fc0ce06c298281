package com.example.smsconsole.emulator.sms;

/** The simulated handsets: one inbox per destination number. */
final class Handsets {

    private Handsets() {
    }

    static SmsState.HandsetMessage receive(SmsState state, String number, String from, String body, String channel, String messageId, long at) {
        SmsState.Handset handset = state.handsets.computeIfAbsent(number, n -> {
            var h = new SmsState.Handset();
            h.number = n;
            return h;
        });
        var message = new SmsState.HandsetMessage();
        message.at = at;
        message.direction = "IN";
        message.peer = from;
        message.body = body;
        message.channel = channel;
        message.messageId = messageId;
        handset.messages.add(message);
        if (handset.messages.size() > 200) {
            handset.messages.removeFirst();
        }
        return message;
    }

    static SmsState.HandsetMessage sent(SmsState state, String number, String to, String body, long at) {
        SmsState.Handset handset = state.handsets.computeIfAbsent(number, n -> {
            var h = new SmsState.Handset();
            h.number = n;
            return h;
        });
        var message = new SmsState.HandsetMessage();
        message.at = at;
        message.direction = "OUT";
        message.peer = to;
        message.body = body;
        message.channel = "TEXT";
        handset.messages.add(message);
        return message;
    }
}
