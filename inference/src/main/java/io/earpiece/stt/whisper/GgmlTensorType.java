package io.earpiece.stt.whisper;

/** Storage size of the ggml tensor types a whisper model file may hold (numbering as in ggml.h). */
final class GgmlTensorType {

    private GgmlTensorType() {
    }

    /** Bytes that {@code elements} values of ggml type {@code type} take, or -1 for an unknown type. */
    static long bytes(int type, long elements) {
        int[] blockBytesAndSize = switch (type) {
            case 0 -> new int[] {4, 1};       // f32
            case 1 -> new int[] {2, 1};       // f16
            case 2 -> new int[] {18, 32};     // q4_0
            case 3 -> new int[] {20, 32};     // q4_1
            case 6 -> new int[] {22, 32};     // q5_0
            case 7 -> new int[] {24, 32};     // q5_1
            case 8 -> new int[] {34, 32};     // q8_0
            case 10 -> new int[] {84, 256};   // q2_k
            case 11 -> new int[] {110, 256};  // q3_k
            case 12 -> new int[] {144, 256};  // q4_k
            case 13 -> new int[] {176, 256};  // q5_k
            case 14 -> new int[] {210, 256};  // q6_k
            default -> null;
        };
        if (blockBytesAndSize == null || elements % blockBytesAndSize[1] != 0) {
            return -1;
        }
        return elements / blockBytesAndSize[1] * blockBytesAndSize[0];
    }
}
